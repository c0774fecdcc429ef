using BenchmarkDotNet.Running;
using Heard.Benchmarks;

// "board-report" times the financial-year board report on a generated database (see BoardReportBenchmark and
// bench/board-report.sh); anything else goes to BenchmarkDotNet's switcher (pick a class with --filter).
if (args.Length > 0 && args[0] == "board-report")
{
    return await BoardReportBenchmark.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
