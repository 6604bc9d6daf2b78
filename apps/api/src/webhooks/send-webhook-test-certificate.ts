/**
 * A certificate and key for `hooks.example` only (no IP address in it), valid 2000–2126, for
 * the tests of the webhook client's certificate check over loopback. A test fixture: it secures
 * nothing. Made with `openssl ca -selfsign -startdate 20000101000000Z -enddate 21260101000000Z`
 * (EC P-256, subjectAltName DNS:hooks.example, CA:FALSE, serverAuth).
 */

/** The certificate, which the tests' client also trusts as its only extra root. */
export const HOOKS_EXAMPLE_CERTIFICATE = `
-----BEGIN CERTIFICATE-----
MIIBkDCCATagAwIBAgICEAAwCgYIKoZIzj0EAwIwGDEWMBQGA1UEAwwNaG9va3Mu
ZXhhbXBsZTAgFw0wMDAxMDEwMDAwMDBaGA8yMTI2MDEwMTAwMDAwMFowGDEWMBQG
A1UEAwwNaG9va3MuZXhhbXBsZTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABGjn
9bKsegEfBa70n0WCnB5HauPK6rogRPjrWClRWbsF2k1nQQv9nYtUY9yNoYR/Sjhv
n4nQk9b3WPg6pPi35R+jbjBsMBgGA1UdEQQRMA+CDWhvb2tzLmV4YW1wbGUwDAYD
VR0TAQH/BAIwADAOBgNVHQ8BAf8EBAMCB4AwEwYDVR0lBAwwCgYIKwYBBQUHAwEw
HQYDVR0OBBYEFGT6AUgvVsp69XpmF5/aHooX+39eMAoGCCqGSM49BAMCA0gAMEUC
IEpwSQurTshG10Q8+nJwMMgaEByVEk3TgxBNGdikxxHLAiEA6sOEcXHvYWqxeUe+
4HZw1FpoRCIDxkkdy7DMwAt2p0s=
-----END CERTIFICATE-----
`

/** Its private key (EC P-256). */
export const HOOKS_EXAMPLE_KEY = `
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgELJZczN44TqfULDY
0z0lMp7YoLYtavkRgT6cYQerb6+hRANCAARo5/WyrHoBHwWu9J9FgpweR2rjyuq6
IET461gpUVm7BdpNZ0EL/Z2LVGPcjaGEf0o4b5+J0JPW91j4OqT4t+Uf
-----END PRIVATE KEY-----
`
