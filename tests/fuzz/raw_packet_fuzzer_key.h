#pragma once
// The fixed key pair of the raw packet fuzzer: a checked-in 2048-bit key (the smallest size
// isAcceptedRsaBits() takes) so that every run, and every saved crash, decrypts the same way.
// The seeds in corpus/raw_packet are envelopes sealed for its public key, which lets the fuzzer
// start from inputs that open. Test-only: it protects nothing. Made once with
//   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048

namespace ringdesk::fuzz {

inline constexpr const char* kRawPacketKeyPem =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC9nGb3u6H26Rmx\n"
    "TA5XibrE9uebBMpmZLcnn/ONkUKld7FBhvcP7KROKkiRXb1ZocCJGH9+Kmkt2iCP\n"
    "vXbtXP5t/2PXkmxdfaYZRS/3adkrKc4QleafL6PaUGyrFky+FAyDw16Pu2bbIcgv\n"
    "1MNWl8ZAW+RgrQatSlPjtbnh/m/UUKJhWNqR6zIHSB4S9R5le9SbxjuSeBNwo0U3\n"
    "+7GuTT22h5I0gLwj9z2kGKqlXxchrbbvk/DaN2qQvnUyg7UDSSC1BaUr1v0+sLav\n"
    "/2CYtw2NfSx4VAh8NLSjziNrQmtbv51/sVA+EZci7ZGTzxixkuZPih5LZ8RcjLDN\n"
    "D02VkaVXAgMBAAECggEAF+OZsYKpYFN0Ejtz3yGSL3iwK37KBWaREOP9KovvqqtO\n"
    "4OOhQxdciCCZrf7yeVWAzYURoxKy170Qtyt2zWcXA0LXEHT5RDotcCegaHqkiuSk\n"
    "esB4Ivw8l6fkWRXhK12ZSgyWYGOLDPbPov8acVGD/93UAz4phjHEKf9eYRPOgSBE\n"
    "GEbkQoeI1GSZRM8H3oLkWL3CznHonUM7rMSpyhmDx4NN2nRE5yA3NzIBEI3hMwm7\n"
    "7vXIkKt5vaGXG7KRzAWrHUnxZmt7TMVmCh4YFsAe0V45g63UvVlsVjLQuCVI9RRw\n"
    "SK0Eq1Az74or1R88BLDHt26Hi9J1ha5S3qZy+GRnAQKBgQDkGj6GSwjYP/BpIAfD\n"
    "MavEP6tCM8kzNMjIF3rPUOdYdk5HY/VEe6bjGHLG1jno40PFVKTL7D98aByTut++\n"
    "pmCIVyEjVo/tfdILXPGmPxnnK0Scbz9iOUsUiMoBokZ12uY2Dkjc+WpzhKyZfle8\n"
    "w6zKXzF3GtOCnw8Hrf2keUkagQKBgQDUzQJwgiuSLV0MzTePDiZ5+IRm1q1quS0l\n"
    "ugZW0r0dDqVUbvC/FBSBYXnLTHcR4LDZzbo8MxM7ati8IS4pr+w/2gfkchGGvSie\n"
    "oLbpDAEexcYBqwjqvl2PIIe3Kd8fQR+tyZriEPEzMK6uQRY4HzuDNON1at3RkDrU\n"
    "dzwGGKzj1wKBgGBMhCEGBJHnTIPVNfG+Qpnzl0W3vzWTD0EKSJrFuSWrrJiPJrjm\n"
    "yyoM5Ef1oTUk3TOt7HT7JEJNYeMsfdFrRE3LGv5kSRcmi0qozow1D6Z8qdaxUL0T\n"
    "GxNsPHw8GisfYxlnJnPECKEEXinfIQNcSNKXJbb26Fy48gt39SE+4xIBAoGAZLND\n"
    "FUS0I69t2hH+2aaDlLKCzTuHwvowICtAtrNxJJ/6otMBABsbfQJIpWjg68fdSKRv\n"
    "He+5iSONvrEg7D9A2BJwK63DF3TKFQ7On8e7e/lxMvbh+FvvYDyvnICnAl5KBG5j\n"
    "6djEm0nNT86jGhnFithrTvQsVfAfts1ZzTS+E+8CgYEAxUc+Bgn7LopJ5HqCdgew\n"
    "zwmOXumfTZrmIMGvSJNFYeghjErWb3ARxivQmIp82p2X/3TleDw1OkkwZhv2LEiH\n"
    "nAPn3cUG2JvVTbSpgF3iOv0CepHFYjbmnKuH5qVncd2p5wXZHB9UMr1sn6yrlAkR\n"
    "TghIk8mdiF/MuCTYvYsgWW0=\n"
    "-----END PRIVATE KEY-----\n";

} // namespace ringdesk::fuzz
