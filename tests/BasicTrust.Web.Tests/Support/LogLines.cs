using System.Collections.Concurrent;

namespace BasicTrust.Web.Tests.Support;

/// <summary>The last lines something wrote, kept for a failing test's message. Adding never throws.</summary>
public sealed class LogLines
{
    readonly ConcurrentQueue<string> _lines = new();

    public void Add(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        while (_lines.Count > 300) _lines.TryDequeue(out _);
    }

    public string Last(int count = 40) => string.Join('\n', _lines.TakeLast(count));

    public IReadOnlyList<string> All => [.. _lines];
}
