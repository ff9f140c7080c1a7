import Foundation
import Shared

/// Rules every free-text field follows: stored in Unicode NFC, no control characters (line breaks and tabs only
/// where a field allows several lines), and no bidirectional overrides, which can make a name display as something
/// other than what it is.
enum TextRules {
    /// Why a text was refused.
    enum Problem: Error, Equatable {
        case controlCharacter(UInt32)
        case bidiOverride(UInt32)
        case tooLong(maximum: Int)
    }

    /// The NFC form of `text`, trimmed, or the first problem with it.
    static func clean(_ text: String, maximumCharacters: Int, multiline: Bool) -> Result<String, Problem> {
        var alreadyComposed = true
        for scalar in text.unicodeScalars {
            if alreadyComposed && !Self.isComposedAsIs(scalar) { alreadyComposed = false }
            let value = scalar.value
            if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
                || value == 0x061C
            {
                return .failure(.bidiOverride(value))
            }
            let allowedBreak = multiline && (value == 0x0A || value == 0x09 || value == 0x0D)
            if !allowedBreak && (value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029) {
                return .failure(.controlCharacter(value))
            }
        }
        let composed = alreadyComposed ? text : text.precomposedStringWithCanonicalMapping
        let trimmed = Self.trimmed(composed)
        guard trimmed.count <= maximumCharacters else { return .failure(.tooLong(maximum: maximumCharacters)) }
        return .success(trimmed)
    }

    /// Whether a scalar is unchanged by NFC whatever surrounds it: ASCII, CJK ideographs and punctuation, full-width
    /// forms. Forms are mostly made of these, and Foundation's normalisation was the dearest step of validating one.
    private static func isComposedAsIs(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7F, 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFFEF: return true
        default: return false
        }
    }

    /// `text` without leading and trailing white space and line breaks.
    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }
}

extension TextRules {
    /// Whether `text` is an http(s) address naming a host with a domain (`https://www.example.cn`).
    static func isWebAddress(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, host.contains(".")
        else { return false }
        return scheme == "https" || scheme == "http"
    }
}

extension TextRules.Problem {
    /// The problem as a field error for `path`.
    func fieldProblem(path: String) -> FieldProblem {
        switch self {
        case .controlCharacter(let value):
            return FieldProblem(
                path: path, code: "control_character",
                messageZh: "含有不可见的控制字符（U+\(String(value, radix: 16, uppercase: true))），请删除后重新填写",
                messageEn: "contains an invisible control character (U+\(String(value, radix: 16, uppercase: true))); remove it and try again")
        case .bidiOverride(let value):
            return FieldProblem(
                path: path, code: "bidi_override",
                messageZh: "含有改变文字方向的字符（U+\(String(value, radix: 16, uppercase: true))），不允许使用",
                messageEn: "contains a text-direction override (U+\(String(value, radix: 16, uppercase: true))), which is not allowed")
        case .tooLong(let maximum):
            return FieldProblem(
                path: path, code: "too_long", messageZh: "不能超过 \(maximum) 个字符",
                messageEn: "must be at most \(maximum) characters")
        }
    }
}
