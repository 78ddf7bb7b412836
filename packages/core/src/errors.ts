/**
 * The few exceptions the platform throws: programmer and configuration errors, each with a stable
 * code. Bad user input is never an exception; it is a diagnostic or an evaluation error.
 */

/** Base class: a stable `code` and a Vietnamese message (English in `messageEn`). */
export class HoctapError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly messageEn: string = message,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A plugin failed validation at registration; the message names the plugin, the file and the line. */
export class PluginError extends HoctapError {
  constructor(
    message: string,
    messageEn: string,
    readonly plugin: string,
    readonly details: readonly string[] = [],
  ) {
    super('PLUGIN_INVALID', message, messageEn);
  }
}

/** A framework reference (`PLUGIN/FRAMEWORK` or an id) that matches nothing. */
export class FrameworkNotFoundError extends HoctapError {
  constructor(ref: string, suggestion?: string) {
    super(
      'FRAMEWORK_NOT_FOUND',
      `Không tìm thấy bộ tiêu chí \`${ref}\`${suggestion ? ` — ý bạn là \`${suggestion}\`?` : ''}`,
      `Framework \`${ref}\` not found${suggestion ? ` — did you mean \`${suggestion}\`?` : ''}`,
    );
  }
}

/** A model that did not pass the checker was handed to the evaluator. */
export class InvalidModelError extends HoctapError {
  constructor(id: string, count: number) {
    super('MODEL_INVALID', `Bộ tiêu chí \`${id}\` còn ${count} lỗi, chưa thể dùng để đánh giá`, `Framework \`${id}\` has ${count} errors and cannot be evaluated`);
  }
}
