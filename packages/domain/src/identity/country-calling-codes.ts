// ITU-T E.164 assigned country calling codes (including the shared/non-geographic ones such as
// 800, 870, 881–883), as a plain table: the package has no phone library (R15). The set is
// prefix-free, so the code of an E.164 number is its unique matching prefix.
const ONE_DIGIT = ['1', '7']
// prettier-ignore
const TWO_DIGIT = [
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47',
  '48', '49', '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65',
  '66', '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98',
]
// prettier-ignore
const THREE_DIGIT = [
  '211', '212', '213', '216', '218', '220', '221', '222', '223', '224', '225', '226', '227', '228',
  '229', '230', '231', '232', '233', '234', '235', '236', '237', '238', '239', '240', '241', '242',
  '243', '244', '245', '246', '247', '248', '249', '250', '251', '252', '253', '254', '255', '256',
  '257', '258', '260', '261', '262', '263', '264', '265', '266', '267', '268', '269', '290', '291',
  '297', '298', '299', '350', '351', '352', '353', '354', '355', '356', '357', '358', '359', '370',
  '371', '372', '373', '374', '375', '376', '377', '378', '379', '380', '381', '382', '383', '385',
  '386', '387', '389', '420', '421', '423', '500', '501', '502', '503', '504', '505', '506', '507',
  '508', '509', '590', '591', '592', '593', '594', '595', '596', '597', '598', '599', '670', '672',
  '673', '674', '675', '676', '677', '678', '679', '680', '681', '682', '683', '685', '686', '687',
  '688', '689', '690', '691', '692', '800', '808', '850', '852', '853', '855', '856', '870', '878',
  '880', '881', '882', '883', '886', '888', '960', '961', '962', '963', '964', '965', '966', '967',
  '968', '970', '971', '972', '973', '974', '975', '976', '977', '979', '992', '993', '994', '995',
  '996', '998',
]

/**
 * Every assigned ITU country calling code, as digit strings without `+`.
 *
 * @example
 * COUNTRY_CALLING_CODES.includes('86') // true
 */
export const COUNTRY_CALLING_CODES: readonly string[] = [...ONE_DIGIT, ...TWO_DIGIT, ...THREE_DIGIT]

const CODE_SET = new Set(COUNTRY_CALLING_CODES)

/**
 * Tells whether digits are an assigned country calling code.
 *
 * @example
 * isCountryCallingCode('44') // true
 * isCountryCallingCode('999') // false
 */
export function isCountryCallingCode(digits: string): boolean {
  return CODE_SET.has(digits)
}

/**
 * The country calling code an international number (digits only, no `+`) starts with, or null.
 *
 * @example
 * countryCallingCodeOf('8613800000010') // '86'
 */
export function countryCallingCodeOf(digits: string): string | null {
  for (let length = 1; length <= 3; length++) {
    const prefix = digits.slice(0, length)
    if (CODE_SET.has(prefix)) return prefix
  }
  return null
}
