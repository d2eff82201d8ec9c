#include "server/keys/key_pair_files.h"

#include "protocol/protocol_error.h"
#include "server/keys/key_files.h"

#include <openssl/crypto.h>

#include <optional>
#include <stdexcept>

namespace ringdesk::keys {
namespace {

using protocol::ProtocolError;
using protocol::RsaPrivateKey;
using protocol::RsaPublicKey;

RsaPrivateKey privateKeyFromFile(const std::string& path, std::string text)
{
    try {
        RsaPrivateKey key = RsaPrivateKey::fromPem(text);
        OPENSSL_cleanse(text.data(), text.size());
        return key;
    } catch (const ProtocolError& e) {
        OPENSSL_cleanse(text.data(), text.size());
        throw std::runtime_error(path + ": " + e.what());
    }
}

RsaPublicKey publicKeyFromFile(const std::string& path, const std::string& text)
{
    try {
        return RsaPublicKey::fromPem(text);
    } catch (const ProtocolError& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
}

} // namespace

RsaPrivateKey loadOrCreateKeyPair(const std::string& privatePemPath, const std::string& publicPemPath, int bits)
{
    std::optional<std::string> privateText = readKeyFileIfExists(privatePemPath);
    if (!privateText) {
        const RsaPrivateKey fresh = RsaPrivateKey::generate(bits);
        std::string pem = fresh.pem();
        const bool placed = writeFileAtomically(privatePemPath, pem, 0600, IfExists::Keep);
        OPENSSL_cleanse(pem.data(), pem.size());
        if (placed) {
            writeFileAtomically(publicPemPath, fresh.publicKey().pem(), 0644, IfExists::Replace);
            return fresh;
        }
        // Another process created the key file between our read and our link: use its key.
        privateText = readKeyFileIfExists(privatePemPath);
        if (!privateText)
            throw std::runtime_error(privatePemPath + ": appeared and vanished while creating it");
    }
    RsaPrivateKey key = privateKeyFromFile(privatePemPath, std::move(*privateText));

    if (const std::optional<std::string> publicText = readKeyFileIfExists(publicPemPath)) {
        if (!(publicKeyFromFile(publicPemPath, *publicText) == key.publicKey()))
            throw std::runtime_error(publicPemPath + ": does not hold the public key of " + privatePemPath);
    } else {
        writeFileAtomically(publicPemPath, key.publicKey().pem(), 0644, IfExists::Replace);
    }
    return key;
}

} // namespace ringdesk::keys
