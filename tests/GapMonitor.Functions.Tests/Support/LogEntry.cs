using Microsoft.Extensions.Logging;

namespace GapMonitor.Functions.Tests.Support;

public sealed record LogEntry(string Category, LogLevel Level, string Message);
