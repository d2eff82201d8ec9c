#include "server/tls/server_context.h"

#include <Poco/Environment.h>
#include <Poco/Net/SSLException.h>

#include <openssl/ssl.h>

#include <csignal>

namespace ringdesk::tls {

Poco::Net::Context::Ptr makeServerContext(const keys::CertificateFiles& files)
{
    Poco::Net::Context::Params params;
    params.certificateFile = files.certificateFile;
    params.privateKeyFile = files.privateKeyFile;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;
    params.loadDefaultCAs = false;
    params.cipherList = kTls12Ciphers;
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    context->preferServerCiphers();
    if (SSL_CTX_check_private_key(context->sslContext()) != 1)
        throw Poco::Net::SSLContextException(files.privateKeyFile + " does not hold the key of " +
                                             files.certificateFile);
    SSL_CTX_set_options(context->sslContext(),
                        SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_IGNORE_UNEXPECTED_EOF);
    return context;
}

Poco::Net::Context::Ptr prepareServerContext(const std::string& endpointName, const keys::CertificateFiles& files,
                                             bool selfSigned, Poco::Logger& logger)
{
    std::signal(SIGPIPE, SIG_IGN);
    if (selfSigned && keys::createSelfSignedCertificateIfMissing(files, Poco::Environment::nodeName()))
        logger.information("created a self-signed TLS certificate %s (key %s, mode 0600)",
                           files.certificateFile, files.privateKeyFile);
    Poco::Net::Context::Ptr context = makeServerContext(files);
    logger.information("%s TLS certificate %s: %s%s", endpointName, files.certificateFile,
                       keys::certificateFingerprint(files.certificateFile),
                       std::string(selfSigned ? " (self-signed)" : ""));
    return context;
}

} // namespace ringdesk::tls
