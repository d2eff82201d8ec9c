#pragma once
// Splits the IMS byte stream into whole XML documents (IMS spec, "Server/Client Communication":
// brief XML documents sent back to back over TCP with no delimiter). Frames only: it never
// builds a DOM; parseClientDocument()/parseServerDocument() in ims_document.h do that.

#include "protocol/limits.h"

#include <cstddef>
#include <optional>
#include <string>

namespace ringdesk::ims {

/// Deepest element nesting accepted. IMS documents nest two levels (STATUSLIST > STATUS,
/// FRIENDS > USER); the bound keeps a 64 KiB run of open tags from reaching the DOM.
inline constexpr std::size_t kMaxElementDepth = 16;

/// Incremental splitter of back-to-back XML documents, e.g.
///   <LOGIN user="a" pass=".."/><ALIVE/><MESSAGE from="a" to="b">hi</MESSAGE>
/// arriving split across reads at any byte.
///
/// Contract (each call to next()):
///   - complete:   returns the exact bytes of the next whole top-level document, from its first
///                 '<' (an optional leading <?xml ...?> declaration included) to its last '>';
///   - need more:  returns std::nullopt; the unfinished document stays buffered;
///   - refused:    throws ProtocolError; the caller sends the error and closes the connection.
/// Call next() until it returns std::nullopt after every feed().
///
/// The splitter tracks element depth by scanning tags (quoted attribute values may contain '>',
/// self-closing tags, CDATA sections); well-formedness, e.g. matching close-tag names, is left to
/// the XML parser that reads the document afterwards. It refuses, with
/// ProtocolError(error_code::kBadXml):
///   - any markup declaration: <!DOCTYPE, <!ENTITY, <!ELEMENT, ... wherever it appears outside
///     CDATA, so no entity can ever be declared (no "billion laughs", no external entities);
///   - comments (<!--), which no IMS client sends;
///   - processing instructions, except one <?xml ...?> declaration at the start of a document;
///   - non-whitespace text outside a document, a close tag with no open element, a '<' inside a
///     tag, a tag name that cannot start an XML name, CDATA outside the root element, and
///     nesting deeper than kMaxElementDepth.
/// Whitespace (space, tab, CR, LF) between documents is skipped and not buffered.
///
/// Size: a document longer than maxDocumentBytes throws ProtocolError(error_code::kTooLarge)
/// from next() as soon as the buffered part of it exceeds the limit, so memory stays bounded by
/// maxDocumentBytes plus one feed().
///
/// After a ProtocolError the splitter is failed for good: its buffer is released, feed()
/// ignores its input and next() throws the same error again.
class ImsStreamParser
{
public:
    /// maxDocumentBytes: the longest document accepted, in bytes; at most
    /// limits::kMaxImsDocumentBytes and not 0, otherwise throws std::invalid_argument.
    explicit ImsStreamParser(std::size_t maxDocumentBytes = protocol::limits::kMaxImsDocumentBytes);

    /// Appends received bytes. Never throws except std::bad_alloc.
    void feed(const char* data, std::size_t size);

    /// Returns the next complete document, or std::nullopt when more bytes are needed.
    /// Throws ProtocolError (kBadXml, kTooLarge) as described above.
    std::optional<std::string> next();

    /// True when bytes of an unfinished document are buffered (whitespace alone does not count).
    /// At end of stream, true means the peer closed in the middle of a document.
    bool hasPartial() const;

    /// Bytes currently held in the buffer, consumed ones included until the next compaction.
    std::size_t bufferedBytes() const { return buffer_.size(); }

private:
    enum class Mode {
        kBetween,  // no document started; skipping whitespace
        kProlog,   // after a leading <?xml ...?>, before the root element
        kContent,  // inside an element, in character data
        kStartTag, // inside <name ...>
        kEndTag,   // inside </name ...>
        kXmlDecl,  // inside <?xml ...?>
        kCdata,    // inside <![CDATA[ ... ]]>
    };
    enum class Step { kProgress, kNeedMore, kComplete };

    std::optional<std::string> scan();
    Step scanBetweenOrProlog();
    Step scanContent();
    Step scanStartTag();
    Step scanEndTag();
    Step scanUntil(const char* terminator, std::size_t length, Mode after);
    Step startMarkup();
    std::string takeDocument();
    // Where the scanners stop: the end of the buffer, but never more than maxDocumentBytes_ past
    // the document's start. Bytes beyond the limit are never classified, so an over-long
    // document is kTooLarge however the stream was split, even when a later byte is malformed
    // (fed whole, that byte used to make it kBadXml instead; found by the fuzzer).
    std::size_t scanEnd() const;
    [[noreturn]] void fail(const char* code, const std::string& message);

    std::size_t maxDocumentBytes_;
    std::string buffer_;
    std::size_t start_ = 0; // first byte of the current document (or of unconsumed input)
    std::size_t scan_ = 0;  // next byte to examine
    Mode mode_ = Mode::kBetween;
    std::size_t depth_ = 0; // open elements of the current document
    char quote_ = 0;        // inside a start tag: the quote of the current attribute value, or 0
    // Inside a start tag: the last byte that is not a space; a '/' there makes '>' self-closing.
    char lastSignificant_ = 0;
    std::optional<std::string> errorCode_;
    std::string errorMessage_;
};

} // namespace ringdesk::ims
