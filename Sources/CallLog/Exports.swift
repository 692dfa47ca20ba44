// The log's values and its store contract live in CallLogModel (no database
// library there); the SQLite backend's users see them through this module as before.
@_exported import CallLogModel
