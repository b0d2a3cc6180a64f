namespace GapMonitor.Web.Layout;

/// <summary>Who is signed in, as the pages show it, and the anti-forgery token every form of theirs carries.</summary>
/// <param name="Name">The principal's name, e.g. <c>vendor:contoso</c>.</param>
/// <param name="Role"><c>admin</c>, <c>vendor</c> or <c>customer</c>.</param>
/// <param name="FormToken">The value of the hidden <see cref="ConsoleForms.TokenField"/> field every POST form must send back.</param>
public sealed record ConsoleViewer(string Name, string Role, string FormToken);
