using BenchmarkDotNet.Running;
using Kabar.Benchmarks;

if (args is ["e2e", .. var rest])
{
    return EndToEnd.Run(rest);
}

if (args is ["corpus", .. var corpusArgs])
{
    return CorpusFile.Run(corpusArgs);
}

if (args is ["sentences", .. var sentenceArgs])
{
    return SentenceCorpusFile.Run(sentenceArgs);
}

if (args is ["lookup", .. var lookupArgs])
{
    return LookupLatency.Run(lookupArgs);
}

if (args is ["prepare", .. var prepareArgs])
{
    return PrepareThroughput.Run(prepareArgs);
}

if (args is ["web", .. var webArgs])
{
    return WebThroughput.Run(webArgs);
}

if (args is ["serve-load", .. var loadArgs])
{
    return await ServeLoad.Run(loadArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(TextBenchmarks).Assembly).Run(args);
return 0;
