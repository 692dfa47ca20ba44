/// ITU-T Q.850 cause codes by name, in English and Russian: how a leg's end is told to an
/// operator ("user busy (Q.850 17, USER_BUSY)"). Every code 1-127 has a name: one the
/// recommendation defines, else the name of its class.
public enum Q850 {
    /// The defined causes: code → (English, Russian).
    static let causes: [Int: (String, String)] = [
        1: ("number does not exist", "номер не существует"),
        2: ("no route to the transit network", "нет маршрута к транзитной сети"),
        3: ("no route to the destination", "нет маршрута к абоненту"),
        4: ("special information tone", "специальный информационный сигнал"),
        5: ("misdialled trunk prefix", "неверный префикс"),
        6: ("channel unacceptable", "канал неприемлем"),
        7: ("call delivered in an established channel", "вызов передан по установленному каналу"),
        8: ("preemption", "вытеснение"),
        9: ("preemption, circuit reserved for reuse", "вытеснение, канал зарезервирован"),
        14: ("number ported", "номер перенесён"),
        16: ("normal call clearing", "обычное завершение"),
        17: ("user busy", "абонент занят"),
        18: ("no user responding", "абонент не отвечает"),
        19: ("no answer (rang, not picked up)", "нет ответа (звонил, трубку не взяли)"),
        20: ("subscriber absent", "абонент недоступен"),
        21: ("call rejected", "вызов отклонён"),
        22: ("number changed", "номер изменён"),
        23: ("redirected to a new destination", "переадресация на новый номер"),
        25: ("exchange routing error", "ошибка маршрутизации станции"),
        26: ("non-selected user clearing", "завершение невыбранным абонентом"),
        27: ("destination out of order", "аппарат абонента неисправен"),
        28: ("invalid number format", "неверный формат номера"),
        29: ("facility rejected", "услуга отклонена"),
        30: ("response to status enquiry", "ответ на запрос состояния"),
        31: ("normal, unspecified", "обычное, без уточнения"),
        34: ("no circuit or channel available", "нет свободного канала"),
        38: ("network out of order", "сеть неисправна"),
        39: ("permanent frame mode connection out of service", "постоянное соединение не работает"),
        40: ("permanent frame mode connection operational", "постоянное соединение работает"),
        41: ("temporary failure", "временный сбой"),
        42: ("switching equipment congestion", "перегрузка коммутационного оборудования"),
        43: ("access information discarded", "информация доступа отброшена"),
        44: ("requested channel not available", "запрошенный канал недоступен"),
        46: ("precedence call blocked", "приоритетный вызов заблокирован"),
        47: ("resource unavailable", "ресурс недоступен"),
        49: ("quality of service not available", "качество обслуживания недоступно"),
        50: ("facility not subscribed", "услуга не подключена"),
        53: ("outgoing calls barred within the group", "исходящие в группе запрещены"),
        55: ("incoming calls barred within the group", "входящие в группе запрещены"),
        57: ("bearer capability not authorized", "вид связи не разрешён"),
        58: ("bearer capability not available now", "вид связи сейчас недоступен"),
        62: ("outgoing access inconsistent with subscriber class", "исходящий доступ не соответствует классу абонента"),
        63: ("service or option not available", "услуга недоступна"),
        65: ("bearer capability not implemented", "вид связи не реализован"),
        66: ("channel type not implemented", "тип канала не реализован"),
        69: ("facility not implemented", "услуга не реализована"),
        70: ("only restricted digital bearer available", "доступна только ограниченная цифровая связь"),
        79: ("service or option not implemented", "услуга не реализована, без уточнения"),
        81: ("invalid call reference", "неверная ссылка на вызов"),
        82: ("channel does not exist", "канал не существует"),
        83: ("suspended call exists, but not this identity", "приостановленный вызов с другим идентификатором"),
        84: ("call identity in use", "идентификатор вызова занят"),
        85: ("no call suspended", "нет приостановленного вызова"),
        86: ("call with that identity has been cleared", "вызов с этим идентификатором завершён"),
        87: ("user not a member of the group", "абонент не входит в группу"),
        88: ("incompatible destination", "несовместимый абонент"),
        90: ("group does not exist", "группа не существует"),
        91: ("invalid transit network selection", "неверный выбор транзитной сети"),
        95: ("invalid message", "неверное сообщение"),
        96: ("mandatory information missing", "нет обязательного элемента"),
        97: ("message type not implemented", "тип сообщения не реализован"),
        98: ("message not compatible with the call state", "сообщение не соответствует состоянию вызова"),
        99: ("information element not implemented", "элемент не реализован"),
        100: ("invalid information element contents", "неверное содержимое элемента"),
        101: ("message not compatible with the call state", "сообщение не соответствует состоянию вызова"),
        102: ("timer expired", "истёк таймер"),
        103: ("parameter not implemented, passed on", "параметр не реализован, передан дальше"),
        110: ("message with an unrecognized parameter discarded", "сообщение с неизвестным параметром отброшено"),
        111: ("protocol error", "ошибка протокола"),
        127: ("interworking, unspecified", "ошибка взаимодействия сетей"),
    ]

    /// The classes of Q.850, by their first code: what an undefined code in them means.
    static let classes: [(ClosedRange<Int>, String, String)] = [
        (1...31, "normal event", "обычное событие"),
        (32...47, "resource unavailable", "ресурс недоступен"),
        (48...63, "service or option not available", "услуга недоступна"),
        (64...79, "service or option not implemented", "услуга не реализована"),
        (80...95, "invalid message", "неверное сообщение"),
        (96...111, "protocol error", "ошибка протокола"),
        (112...127, "interworking", "ошибка взаимодействия сетей"),
    ]

    /// The name of cause `code` in `language`: a defined cause's own, else its class's; nil outside 1-127.
    public static func name(_ code: Int, in language: UILanguage) -> String? {
        if let names = causes[code] { return language == .ru ? names.1 : names.0 }
        guard let group = classes.first(where: { $0.0.contains(code) }) else { return nil }
        return language == .ru ? group.2 : group.1
    }
}
