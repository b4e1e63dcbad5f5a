public enum PackBlock: Sendable {
    case tiles([KPITile])
    case exceptions([ExceptionItem])
    case chart(ChartBlock)
    case table(DataTable)
    case note(String)
    case commentary(Commentary)
}
