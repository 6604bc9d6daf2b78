/** House formatting (architecture.md section 10). */
export default {
  semi: false,
  singleQuote: true,
  trailingComma: 'es5',
  printWidth: 100,
}
