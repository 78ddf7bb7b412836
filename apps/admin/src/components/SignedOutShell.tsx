import { Box, Center, Group, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from './Layout.tsx';

/** The frame of the pages used signed out (sign-in, a new password): the language switch and one centred card. */
export function SignedOutShell({ maw, children, footer }: { maw: number; children: ReactNode; footer?: ReactNode }) {
  return (
    <Box component="main" mih="100vh" bg="gray.0" px="sm">
      <Group justify="flex-end" p="sm">
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper withBorder shadow="sm" p="lg" radius="md" w="100%" maw={maw} mt="xl">
          {children}
        </Paper>
      </Center>
      {footer}
    </Box>
  );
}
