using GapMonitor.Composition;
using GapMonitor.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
builder.Services.AddGapMonitorMetricsExport(builder.Configuration);
builder.Services.AddGapMonitorFunctions(builder.Configuration, Path.Combine(Path.GetTempPath(), "gapmonitor"));
builder.Build().Run();
