#!/usr/bin/python3
"""A stand-in for the original Python NL chat peers, for the RSA interop tests.

It builds and opens raw packets (specs/nlchat-protocol.txt, section 1.2) the way the original
client did: PyCryptodome's PKCS1_OAEP.new(key) with its defaults (SHA-1, MGF1-SHA-1, empty
label), standard base64, and json.dumps of {"messages": [...], "UUID": ..., "to": ...}. The one
difference is deliberate and compatible: the plaintext is split by bytes, not by characters
(specs/README.md explains why).

Run with Debian's interpreter and python3-pycryptodome, which installs the `Cryptodome` package:
    /usr/bin/python3 pycryptodome_peer.py check
    /usr/bin/python3 pycryptodome_peer.py genkey PRIVATE_PEM_OUT PUBLIC_PEM_OUT [BITS]
    /usr/bin/python3 pycryptodome_peer.py seal PUBLIC_PEM PLAINTEXT_FILE UUID TO ENVELOPE_OUT
    /usr/bin/python3 pycryptodome_peer.py open PRIVATE_PEM ENVELOPE_FILE EXPECTED_TO [PLAINTEXT_OUT]
`open` writes the plaintext bytes to PLAINTEXT_OUT, or to standard output without it.
Exit status: 0 on success, 2 for bad usage or a missing Cryptodome, 3 for a refused packet.
"""

import base64
import json
import sys

try:
    from Cryptodome.Cipher import PKCS1_OAEP
    from Cryptodome.PublicKey import RSA
except ImportError as error:
    sys.stderr.write(
        "pycryptodome_peer.py: cannot import Cryptodome (%s); install Debian's "
        "python3-pycryptodome (apt-get install -y python3-pycryptodome) and run this script "
        "with /usr/bin/python3\n" % error
    )
    sys.exit(2)

# The OAEP overhead with SHA-1: 2 * 20 + 2 bytes (RFC 8017, 7.1.1); 214 for 2048-bit keys.
OAEP_SHA1_OVERHEAD = 2 * 20 + 2


def read_bytes(path):
    with open(path, "rb") as handle:
        return handle.read()


def write_bytes(path, data):
    with open(path, "wb") as handle:
        handle.write(data)


def genkey(private_out, public_out, bits="2048"):
    key = RSA.generate(int(bits))
    write_bytes(private_out, key.export_key())  # "-----BEGIN RSA PRIVATE KEY-----" (PKCS#1)
    write_bytes(public_out, key.publickey().export_key())  # "-----BEGIN PUBLIC KEY-----"
    return 0


def seal(public_pem, plaintext_file, uuid, to, envelope_out):
    key = RSA.import_key(read_bytes(public_pem))
    cipher = PKCS1_OAEP.new(key)
    plaintext = read_bytes(plaintext_file)
    chunk = key.size_in_bytes() - OAEP_SHA1_OVERHEAD
    pieces = [plaintext[i:i + chunk] for i in range(0, len(plaintext), chunk)] or [b""]
    messages = [base64.b64encode(cipher.encrypt(piece)).decode("ascii") for piece in pieces]
    envelope = {"messages": messages, "UUID": uuid, "to": to}
    write_bytes(envelope_out, json.dumps(envelope).encode("utf-8"))
    return 0


def open_packet(private_pem, envelope_file, expected_to, plaintext_out=None):
    key = RSA.import_key(read_bytes(private_pem))
    cipher = PKCS1_OAEP.new(key)
    envelope = json.loads(read_bytes(envelope_file).decode("utf-8"))
    if envelope.get("to") != expected_to:
        sys.stderr.write("pycryptodome_peer.py: packet for %r, not %r\n"
                         % (envelope.get("to"), expected_to))
        return 3
    try:
        plaintext = b"".join(cipher.decrypt(base64.b64decode(block, validate=True))
                             for block in envelope["messages"])
    except ValueError as error:
        sys.stderr.write("pycryptodome_peer.py: cannot decrypt: %s\n" % error)
        return 3
    # The receiver decodes UTF-8 only after joining the blocks; prove the text is valid.
    plaintext.decode("utf-8")
    if plaintext_out is None:
        sys.stdout.buffer.write(plaintext)
    else:
        write_bytes(plaintext_out, plaintext)
    return 0


def main(argv):
    commands = {
        "check": (0, 0, lambda: 0),
        "genkey": (2, 3, genkey),
        "seal": (5, 5, seal),
        "open": (3, 4, open_packet),
    }
    if len(argv) < 2 or argv[1] not in commands:
        sys.stderr.write(__doc__)
        return 2
    least, most, command = commands[argv[1]]
    arguments = argv[2:]
    if not least <= len(arguments) <= most:
        sys.stderr.write(__doc__)
        return 2
    return command(*arguments)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
