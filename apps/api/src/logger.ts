import pino, { type Logger } from 'pino'

/**
 * The JSON logger of both entry points. Redaction is the last line of defence: handlers never
 * log tokens, links, passwords or unmasked customer values in the first place (domain.md R77).
 */
export function createLogger(options: { level: string; name: string }): Logger {
  return pino({
    name: options.name,
    level: options.level,
    redact: {
      paths: [
        'authorization',
        'req.headers.authorization',
        '*.token',
        '*.password',
        '*.link',
        'token',
        'password',
        'link',
      ],
      censor: '[redacted]',
    },
  })
}
