using GapMonitor.Api;
using GapMonitor.Api.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddGapMonitor(builder.Configuration, Path.Combine(Path.GetTempPath(), "gapmonitor"));
builder.Services.AddSingleton<OpenApiDocumentSource>();
builder.Build().Run();
