// One test class at a time: every class starts its own app server (some load the demo data) and its own
// Chromium, all in this process. Run side by side on a two-core machine they starve each other of threads and
// a page load can stall past its timeout, which fails a test for no fault in Heard.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
