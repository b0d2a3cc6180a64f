using GapMonitor.Core.Keys;
using GapMonitor.Web.Layout;

namespace GapMonitor.Api.Ui;

/// <summary>A signed-in console request: who (checked against the key store on this request), as pages show them, and their session.</summary>
public sealed record ConsoleContext(Principal Principal, ConsoleViewer Viewer, ConsoleSessionClaims Session);
