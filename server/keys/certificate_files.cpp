#include "server/keys/certificate_files.h"

#include "protocol/key_text.h"
#include "server/keys/key_files.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <optional>
#include <stdexcept>

namespace ringdesk::keys {
namespace {

template <typename T, void (*Free)(T*)>
struct Deleter
{
    void operator()(T* p) const noexcept { Free(p); }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

/// The oldest queued OpenSSL error as text; the per-thread queue is left empty.
std::string openSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return "unknown OpenSSL error";
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return text;
}

void check(int ok, const std::string& what)
{
    if (ok != 1)
        throw std::runtime_error("cannot create the TLS certificate: " + what + ": " + openSslError());
}

void addExtension(X509* certificate, int nid, const std::string& value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str()));
    if (!extension)
        throw std::runtime_error("cannot create the TLS certificate: extension " + value + ": " + openSslError());
    check(X509_add_ext(certificate, extension.get(), -1), "add extension");
}

/// A host name fit for a subjectAltName DNS entry: letters, digits, '-' and '.' only.
bool isDnsName(const std::string& name)
{
    if (name.empty() || name.size() > 253)
        return false;
    for (const char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'))
            return false;
    return true;
}

X509Ptr makeCertificate(EVP_PKEY* key, const std::string& hostName)
{
    X509Ptr certificate(X509_new());
    if (!certificate)
        throw std::bad_alloc();
    check(X509_set_version(certificate.get(), 2), "version");
    // A random 127-bit serial: positive and unique without any register of issued serials.
    BignumPtr serial(BN_new());
    if (!serial)
        throw std::bad_alloc();
    check(BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY), "serial");
    if (BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get())) == nullptr)
        check(0, "serial");
    // Valid from an hour ago, so that a client whose clock is a little behind accepts it.
    if (X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600) == nullptr ||
        X509_gmtime_adj(X509_getm_notAfter(certificate.get()),
                        static_cast<long>(kSelfSignedValidityDays) * 24 * 3600) == nullptr)
        check(0, "validity");
    check(X509_set_pubkey(certificate.get(), key), "public key");

    const bool named = isDnsName(hostName) && hostName != "localhost";
    const std::string commonName = named ? hostName : "localhost";
    X509_NAME* subject = X509_get_subject_name(certificate.get());
    check(X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>("Ringdesk"), -1, -1, 0),
          "subject");
    check(X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>(commonName.c_str()), -1, -1, 0),
          "subject");
    check(X509_set_issuer_name(certificate.get(), subject), "issuer");

    // An end-entity certificate that clients trust directly (it is its own anchor); no key
    // usage extension, which would have to list keyCertSign for a self-signed anchor.
    addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(certificate.get(), NID_subject_key_identifier, "hash");
    addExtension(certificate.get(), NID_ext_key_usage, "serverAuth");
    std::string names = "DNS:localhost";
    if (named)
        names += ",DNS:" + hostName;
    names += ",IP:127.0.0.1,IP:::1";
    addExtension(certificate.get(), NID_subject_alt_name, names);

    if (X509_sign(certificate.get(), key, EVP_sha256()) <= 0)
        check(0, "signature");
    return certificate;
}

} // namespace

bool createSelfSignedCertificateIfMissing(const CertificateFiles& files, const std::string& hostName)
{
    if (readKeyFileIfExists(files.certificateFile))
        return false;

    PkeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        throw std::runtime_error("cannot create the TLS key: " + openSslError());
    const X509Ptr certificate = makeCertificate(key.get(), hostName);

    // A secure-memory BIO clears the private key's PEM text when freed.
    BioPtr keyBio(BIO_new(BIO_s_secmem()));
    BioPtr certificateBio(BIO_new(BIO_s_mem()));
    if (!keyBio || !certificateBio)
        throw std::bad_alloc();
    check(PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr),
          "encode the key");
    check(PEM_write_bio_X509(certificateBio.get(), certificate.get()), "encode the certificate");
    std::string keyPem = protocol::memoryBioText(keyBio.get());
    // The key first: a certificate on disk always has its key beside it.
    writeFileAtomically(files.privateKeyFile, keyPem, 0600, IfExists::Replace);
    OPENSSL_cleanse(keyPem.data(), keyPem.size());
    writeFileAtomically(files.certificateFile, protocol::memoryBioText(certificateBio.get()), 0644,
                        IfExists::Replace);
    return true;
}

std::string certificateFingerprint(const std::string& certificatePemPath)
{
    const std::optional<std::string> pem = readKeyFileIfExists(certificatePemPath);
    if (!pem)
        throw std::runtime_error(certificatePemPath + ": no such certificate file");
    BioPtr bio(BIO_new_mem_buf(pem->data(), static_cast<int>(pem->size())));
    if (!bio)
        throw std::bad_alloc();
    X509Ptr certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!certificate)
        throw std::runtime_error(certificatePemPath + ": no PEM certificate: " + openSslError());
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (X509_digest(certificate.get(), EVP_sha256(), digest, &size) != 1)
        throw std::runtime_error("SHA-256 failed: " + openSslError());
    return protocol::sha256Fingerprint(digest, size);
}

} // namespace ringdesk::keys
