import Shared

/// The unified social credit code (统一社会信用代码) of a Chinese organisation, GB 32100-2015: 18 characters from a
/// 31-character alphabet, the last a check character over the first 17.
///
/// ```
/// 9 1 330100 79965505 8 B
/// │ │ │      │          └ check character (mod 31)
/// │ │ │      └ organisation code (9 characters)
/// │ │ └ administrative division (6 digits)
/// │ └ organisation type
/// └ registering authority
/// ```
struct UnifiedSocialCreditCode: Hashable, Sendable {
    /// The code, upper-case, without spaces.
    let text: String

    /// The standard's alphabet: digits and capitals without I, O, S, V and Z.
    private static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    private static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Why a text is not a valid code.
    enum Problem: Error, Equatable {
        case wrongLength(Int)
        case invalidCharacter(Character)
        case invalidDivision
        case wrongCheckCharacter(expected: Character)
    }

    /// Reads a code as people type it: spaces and hyphens dropped, lower case accepted.
    static func parse(_ input: String) -> Result<UnifiedSocialCreditCode, Problem> {
        let text = input.uppercased().filter { $0 != " " && $0 != "-" }
        guard text.count == 18 else { return .failure(.wrongLength(text.count)) }
        var values: [Int] = []
        for character in text {
            guard let value = Self.alphabet.firstIndex(of: character) else { return .failure(.invalidCharacter(character)) }
            values.append(value)
        }
        // Positions 3 to 8 are a GB/T 2260 administrative division: six digits.
        guard values[2..<8].allSatisfy({ $0 < 10 }) else { return .failure(.invalidDivision) }
        let sum = zip(values.prefix(17), Self.weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = Self.alphabet[(31 - sum % 31) % 31]
        guard text.last == check else { return .failure(.wrongCheckCharacter(expected: check)) }
        return .success(UnifiedSocialCreditCode(text: text))
    }

    /// The administrative division's province prefix (`33` is Zhejiang).
    var provinceCode: String { String(Array(self.text)[2..<4]) }

    /// The registration authority (登记管理部门代码), the code's first character: 9 is the market regulator, which
    /// registers enterprises; 1 the civil-service bodies (12… public institutions such as universities), 5 civil
    /// affairs (social organisations), and so on.
    var registrationAuthority: Character { Array(self.text)[0] }

    /// Whether the code belongs to an enterprise (registered with the market regulator).
    var isEnterprise: Bool { self.registrationAuthority == "9" }
}

extension UnifiedSocialCreditCode.Problem {
    /// The problem as a field error for `path`.
    func fieldProblem(path: String) -> FieldProblem {
        switch self {
        case .wrongLength(let count):
            return FieldProblem(
                path: path, code: "invalid_uscc", messageZh: "统一社会信用代码应为 18 位，现为 \(count) 位",
                messageEn: "a unified social credit code has 18 characters, not \(count)")
        case .invalidCharacter(let character):
            return FieldProblem(
                path: path, code: "invalid_uscc", messageZh: "统一社会信用代码含有不允许的字符“\(character)”",
                messageEn: "the unified social credit code contains '\(character)', which the standard does not use")
        case .invalidDivision:
            return FieldProblem(
                path: path, code: "invalid_uscc", messageZh: "统一社会信用代码第 3 至 8 位应为行政区划代码（数字）",
                messageEn: "characters 3 to 8 of a unified social credit code are an administrative division code (digits)")
        case .wrongCheckCharacter:
            return FieldProblem(
                path: path, code: "invalid_uscc", messageZh: "统一社会信用代码校验位不正确，请核对是否录入有误",
                messageEn: "the unified social credit code's check character does not match; please check for a typing error")
        }
    }
}
