using BenchmarkDotNet.Running;
using GapMonitor.Drift.Benchmarks;

if (args.Length > 1 && args[0] == "csv-throughput")
{
    return CsvParseThroughput.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
