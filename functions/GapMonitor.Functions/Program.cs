using GapMonitor.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddGapMonitorFunctions(builder.Configuration, Path.Combine(Path.GetTempPath(), "gapmonitor"));
builder.Build().Run();
