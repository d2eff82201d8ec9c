#include "protocol/ims_stream_parser.h"

#include "protocol/protocol_error.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace ringdesk::ims {

using protocol::ProtocolError;
namespace error_code = protocol::error_code;

namespace {

bool isXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Letters, '_', ':' and any non-ASCII byte (a UTF-8 name start); the XML parser checks the rest.
bool canStartName(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u == '_' || u == ':' || u >= 0x80;
}

enum class Match { kYes, kNo, kNeedMore };

// Compares the buffered bytes at `pos` with `literal`; kNeedMore when they agree so far but the
// scanned part of the buffer (up to `end`) ends first.
Match matchAt(const std::string& buffer, std::size_t pos, std::size_t end, const char* literal)
{
    const std::size_t length = std::strlen(literal);
    const std::size_t available = end - pos;
    const std::size_t compared = available < length ? available : length;
    if (buffer.compare(pos, compared, literal, compared) != 0)
        return Match::kNo;
    return compared == length ? Match::kYes : Match::kNeedMore;
}

} // namespace

ImsStreamParser::ImsStreamParser(std::size_t maxDocumentBytes) : maxDocumentBytes_(maxDocumentBytes)
{
    if (maxDocumentBytes == 0 || maxDocumentBytes > protocol::limits::kMaxImsDocumentBytes)
        throw std::invalid_argument("ImsStreamParser: maxDocumentBytes must be in 1.." +
                                    std::to_string(protocol::limits::kMaxImsDocumentBytes));
}

void ImsStreamParser::feed(const char* data, std::size_t size)
{
    if (errorCode_)
        return;
    // Compact lazily so that many small documents in one read do not cause quadratic copying.
    if (start_ > 0 && start_ >= buffer_.size() / 2) {
        buffer_.erase(0, start_);
        scan_ -= start_;
        start_ = 0;
    }
    buffer_.append(data, size);
}

std::optional<std::string> ImsStreamParser::next()
{
    if (errorCode_)
        throw ProtocolError(*errorCode_, errorMessage_);
    return scan();
}

bool ImsStreamParser::hasPartial() const
{
    if (errorCode_)
        return false;
    if (mode_ != Mode::kBetween)
        return true;
    return buffer_.find_first_not_of(" \t\r\n", start_) != std::string::npos;
}

std::size_t ImsStreamParser::scanEnd() const { return std::min(buffer_.size(), start_ + maxDocumentBytes_); }

void ImsStreamParser::fail(const char* code, const std::string& message)
{
    errorCode_ = code;
    errorMessage_ = message;
    std::string().swap(buffer_);
    start_ = scan_ = 0;
    throw ProtocolError(code, message);
}

std::optional<std::string> ImsStreamParser::scan()
{
    for (;;) {
        Step step = Step::kNeedMore;
        switch (mode_) {
        case Mode::kBetween:
        case Mode::kProlog: step = scanBetweenOrProlog(); break;
        case Mode::kContent: step = scanContent(); break;
        case Mode::kStartTag: step = scanStartTag(); break;
        case Mode::kEndTag: step = scanEndTag(); break;
        case Mode::kXmlDecl: step = scanUntil("?>", 2, Mode::kProlog); break;
        case Mode::kCdata: step = scanUntil("]]>", 3, Mode::kContent); break;
        }
        if (step == Step::kComplete)
            return takeDocument();
        if (step == Step::kNeedMore)
            break;
    }
    // Everything from start_ on belongs to the unfinished document (or is a few bytes of markup
    // waiting to be classified), so this bounds the buffer.
    if (buffer_.size() - start_ > maxDocumentBytes_)
        fail(error_code::kTooLarge,
             "IMS document longer than " + std::to_string(maxDocumentBytes_) + " bytes");
    if (mode_ == Mode::kBetween && start_ == buffer_.size()) {
        buffer_.clear();
        start_ = scan_ = 0;
    }
    return std::nullopt;
}

ImsStreamParser::Step ImsStreamParser::scanBetweenOrProlog()
{
    while (scan_ < scanEnd()) {
        const char c = buffer_[scan_];
        if (isXmlSpace(c)) {
            ++scan_;
            if (mode_ == Mode::kBetween)
                start_ = scan_; // whitespace between documents is dropped, never buffered
            continue;
        }
        if (c != '<')
            fail(error_code::kBadXml, mode_ == Mode::kBetween
                                          ? "text outside an IMS document"
                                          : "text before the root element of an IMS document");
        if (mode_ == Mode::kBetween)
            start_ = scan_;
        return startMarkup();
    }
    return Step::kNeedMore;
}

ImsStreamParser::Step ImsStreamParser::scanContent()
{
    const std::size_t open = buffer_.find('<', scan_);
    if (open == std::string::npos || open >= scanEnd()) {
        scan_ = scanEnd();
        return Step::kNeedMore;
    }
    scan_ = open;
    return startMarkup();
}

// Classifies the markup starting with the '<' at scan_ and enters its mode. Needs at most nine
// bytes ("<![CDATA[") to decide; with fewer it returns kNeedMore and leaves scan_ on the '<'.
ImsStreamParser::Step ImsStreamParser::startMarkup()
{
    if (scan_ + 1 >= scanEnd())
        return Step::kNeedMore;
    const char kind = buffer_[scan_ + 1];

    if (kind == '/') {
        if (mode_ != Mode::kContent)
            fail(error_code::kBadXml, "close tag without an open element");
        if (scan_ + 2 >= scanEnd())
            return Step::kNeedMore;
        if (!canStartName(buffer_[scan_ + 2]))
            fail(error_code::kBadXml, "malformed close tag");
        mode_ = Mode::kEndTag;
        scan_ += 2;
        return Step::kProgress;
    }

    if (kind == '?') {
        // Only "<?xml" followed by whitespace, and only as the first thing of a document.
        const Match declaration = matchAt(buffer_, scan_, scanEnd(), "<?xml");
        if (declaration == Match::kNeedMore || (declaration == Match::kYes && scan_ + 5 >= scanEnd()))
            return Step::kNeedMore;
        if (declaration == Match::kNo || !isXmlSpace(buffer_[scan_ + 5]))
            fail(error_code::kBadXml, "processing instructions are refused");
        if (mode_ != Mode::kBetween)
            fail(error_code::kBadXml,
                 "an XML declaration is only accepted at the start of a document");
        mode_ = Mode::kXmlDecl;
        scan_ += 6;
        return Step::kProgress;
    }

    if (kind == '!') {
        if (scan_ + 2 >= scanEnd())
            return Step::kNeedMore;
        const char after = buffer_[scan_ + 2];
        if (after == '-')
            fail(error_code::kBadXml, "comments are refused");
        if (after != '[')
            fail(error_code::kBadXml, "markup declarations (<!DOCTYPE, <!ENTITY, ...) are refused");
        const Match cdata = matchAt(buffer_, scan_, scanEnd(), "<![CDATA[");
        if (cdata == Match::kNo)
            fail(error_code::kBadXml, "malformed markup after '<!['");
        if (mode_ != Mode::kContent)
            fail(error_code::kBadXml, "CDATA outside the root element");
        if (cdata == Match::kNeedMore)
            return Step::kNeedMore;
        mode_ = Mode::kCdata;
        scan_ += 9;
        return Step::kProgress;
    }

    if (!canStartName(kind))
        fail(error_code::kBadXml, "malformed tag");
    mode_ = Mode::kStartTag;
    quote_ = 0;
    lastSignificant_ = kind;
    scan_ += 2;
    return Step::kProgress;
}

ImsStreamParser::Step ImsStreamParser::scanStartTag()
{
    for (; scan_ < scanEnd(); ++scan_) {
        const char c = buffer_[scan_];
        if (quote_ != 0) {
            // A raw '<' is not allowed in an attribute value (XML 1.0, AttValue).
            if (c == '<')
                fail(error_code::kBadXml, "'<' inside an attribute value");
            if (c == quote_)
                quote_ = 0;
            continue;
        }
        if (c == '"' || c == '\'') {
            quote_ = c;
            lastSignificant_ = c;
        } else if (c == '<') {
            fail(error_code::kBadXml, "'<' inside a tag");
        } else if (c == '>') {
            ++scan_;
            if (lastSignificant_ == '/') {
                if (depth_ == 0)
                    return Step::kComplete;
            } else {
                if (depth_ == kMaxElementDepth)
                    fail(error_code::kBadXml, "IMS document nested deeper than " +
                                                  std::to_string(kMaxElementDepth) + " elements");
                ++depth_;
            }
            mode_ = Mode::kContent;
            return Step::kProgress;
        } else if (!isXmlSpace(c)) {
            lastSignificant_ = c;
        }
    }
    return Step::kNeedMore;
}

ImsStreamParser::Step ImsStreamParser::scanEndTag()
{
    for (; scan_ < scanEnd(); ++scan_) {
        const char c = buffer_[scan_];
        if (c == '<')
            fail(error_code::kBadXml, "'<' inside a close tag");
        if (c == '>') {
            ++scan_;
            --depth_;
            if (depth_ == 0)
                return Step::kComplete;
            mode_ = Mode::kContent;
            return Step::kProgress;
        }
    }
    return Step::kNeedMore;
}

ImsStreamParser::Step ImsStreamParser::scanUntil(const char* terminator, std::size_t length,
                                                 Mode after)
{
    const std::size_t end = scanEnd();
    const std::size_t found = buffer_.find(terminator, scan_, length);
    if (found == std::string::npos || found + length > end) {
        // The terminator may straddle this read and the next: keep its possible prefix unscanned.
        if (end >= scan_ + length)
            scan_ = end - (length - 1);
        return Step::kNeedMore;
    }
    scan_ = found + length;
    mode_ = after;
    return Step::kProgress;
}

std::string ImsStreamParser::takeDocument()
{
    const std::size_t length = scan_ - start_;
    if (length > maxDocumentBytes_)
        fail(error_code::kTooLarge,
             "IMS document longer than " + std::to_string(maxDocumentBytes_) + " bytes");
    std::string document = buffer_.substr(start_, length);
    start_ = scan_;
    mode_ = Mode::kBetween;
    depth_ = 0;
    if (start_ == buffer_.size()) {
        buffer_.clear();
        start_ = scan_ = 0;
    }
    return document;
}

} // namespace ringdesk::ims
