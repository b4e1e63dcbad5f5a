import CXML2
import Foundation

/// What a streamed XML document is told, element by element. Names and values arrive as
/// bytes valid only during the call, so a worksheet of millions of cells makes no `String`
/// per cell.
protocol XMLEvents: AnyObject {
    func start(_ name: XMLName, _ attributes: XMLAttributes)
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
    func end(_ name: XMLName)
}

/// An element's local name (namespace prefix dropped).
struct XMLName {
    let pointer: UnsafePointer<UInt8>

    /// Whether the name is `literal`, compared byte for byte.
    func `is`(_ literal: StaticString) -> Bool {
        strcmp(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self),
               UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }
}

/// An element's attributes as libxml2's SAX2 hands them over: five pointers each
/// (local name, prefix, URI, value start, value end).
struct XMLAttributes {
    let raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    /// The value of the attribute with local name `name`, nil when absent.
    func value(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let raw else { return nil }
        for i in 0..<count {
            guard let local = raw[5 * i], XMLName(pointer: local).is(name), let start = raw[5 * i + 3], let end = raw[5 * i + 4] else { continue }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    func string(_ name: StaticString) -> String? { value(name).map { String(decoding: $0, as: UTF8.self) } }
}

/// libxml2's push parser: fed chunks as they are inflated, it calls ``XMLEvents``, so a
/// document is never whole in memory. No network, no external entities. The callbacks
/// reach it without a reference count (it outlives every call it receives).
final class XMLStream {
    private let context: xmlParserCtxtPtr
    private let events: XMLEvents
    private var handler = xmlSAXHandler()

    /// Why the document is not well-formed XML, with libxml2's line.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    init(events: XMLEvents) {
        self.events = events
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { ctx, localname, _, _, _, _, attributeCount, _, attributes in
            guard let ctx, let localname else { return }
            Unmanaged<XMLStream>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
                $0.events.start(XMLName(pointer: localname), XMLAttributes(raw: attributes, count: Int(attributeCount)))
            }
        }
        handler.endElementNs = { ctx, localname, _, _ in
            guard let ctx, let localname else { return }
            Unmanaged<XMLStream>.fromOpaque(ctx)._withUnsafeGuaranteedRef { $0.events.end(XMLName(pointer: localname)) }
        }
        handler.characters = { ctx, bytes, length in
            guard let ctx, let bytes else { return }
            Unmanaged<XMLStream>.fromOpaque(ctx)._withUnsafeGuaranteedRef { $0.events.text(UnsafeBufferPointer(start: bytes, count: Int(length))) }
        }
        // Errors are read back from the context, never printed by the library.
        handler.serror = { _, _ in }
        context = xmlCreatePushParserCtxt(&handler, nil, nil, 0, nil)
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
        context.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit { xmlFreeParserCtxt(context) }

    /// Parses the next chunk; `last` ends the document.
    func feed(_ bytes: UnsafeRawBufferPointer, last: Bool = false) throws {
        let code = xmlParseChunk(context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), last ? 1 : 0)
        guard code == 0 else {
            let error = xmlCtxtGetLastError(context)
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "not well-formed XML"
            throw Problem(description: "\(message) (line \(error?.pointee.line ?? 0) of the XML)")
        }
    }

    /// Stops the parse from inside a callback: later chunks are ignored.
    func stop() { xmlStopParser(context) }
}
