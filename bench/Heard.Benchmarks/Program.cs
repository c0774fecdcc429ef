using BenchmarkDotNet.Running;

// The switcher lets each benchmark class be picked with --filter, so later benchmarks sit beside these.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
