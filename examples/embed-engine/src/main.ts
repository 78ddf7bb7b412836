import { loadModel, report, scoreCitizens } from './score.ts';

const model = loadModel();
console.log(
  report(
    scoreCitizens(model, [
      { id: 'Nguyễn Thị Hà', scores: { '1.1': 22, '1.2': 20, '2.1': 21, '2.2': 24 } },
      { id: 'Trần Văn Bình', scores: { '1.1': 25, '1.2': 25, '2.1': 4, '2.2': 25 } },
    ]),
  ),
);
