/// The one pluralisation rule: which form of a word goes with a number.
public enum Plural {
    /// The index of the form for `count` in `language`'s list of forms:
    /// English `one, other` (1 call, 2 calls); Russian `one, few, many`
    /// (1 звонок, 2 звонка, 5 звонков; 21 звонок, 11 звонков), as CLDR has them
    /// for whole numbers.
    public static func form(_ count: Int, in language: UILanguage) -> Int {
        let n = abs(count)
        switch language {
        case .en:
            return n == 1 ? 0 : 1
        case .ru:
            let last = n % 10, lastTwo = n % 100
            if last == 1 && lastTwo != 11 { return 0 }
            if (2...4).contains(last) && !(12...14).contains(lastTwo) { return 1 }
            return 2
        }
    }

    /// How many forms a plural takes in `language`.
    public static func formCount(in language: UILanguage) -> Int {
        switch language {
        case .en: return 2
        case .ru: return 3
        }
    }
}
