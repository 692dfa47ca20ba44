// The client's value types live in ExolveModel (no networking there); whoever
// talks to Exolve sees them through this module as before.
@_exported import ExolveModel
