namespace GapMonitor.Core.Fleet;

/// <summary>
/// The values of the fleet's <c>state</c> filter: a monitoring state (<c>new</c>, <c>up</c>, <c>late</c>, <c>down</c>,
/// <c>retired</c>), or <c>lapsed</c> (an open alert, or monitoring down) and its opposite <c>ok</c>.
/// </summary>
public static class FleetStates
{
    public const string New = "new";
    public const string Up = "up";
    public const string Late = "late";
    public const string Down = "down";
    public const string Retired = "retired";
    public const string Lapsed = "lapsed";
    public const string Ok = "ok";

    public static readonly IReadOnlyList<string> All = [New, Up, Late, Down, Retired, Lapsed, Ok];
}
