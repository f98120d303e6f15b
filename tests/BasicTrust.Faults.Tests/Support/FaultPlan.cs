using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace BasicTrust.Faults.Tests.Support;

/// <summary>
/// Which requests the proxies spoil: a seeded random choice at <paramref name="rate"/> (so a run can be repeated;
/// with concurrent requests the order still varies), plus one-off stall rules a test arms. Counts what it injected.
/// </summary>
public sealed class FaultPlan(int seed, double rate, params FaultKind[] kinds)
{
    static readonly FaultKind[] AllKinds =
        [FaultKind.ResetBeforeStorage, FaultKind.ResetAfterStorage, FaultKind.Status500, FaultKind.Status500RetryAfter,
         FaultKind.Status503, FaultKind.Status503RetryAfter, FaultKind.Slow, FaultKind.TruncatedBody];
    readonly Random _random = new(seed);
    readonly FaultKind[] _kinds = kinds.Length > 0 ? kinds : AllKinds;
    readonly ConcurrentDictionary<FaultKind, int> _injected = new();
    readonly List<(Func<HttpRequest, bool> Match, TimeSpan Delay)> _stalls = [];
    int _requests;

    public int Seed => seed;
    /// <summary>Off while the stack starts (the DevHost's start-up check makes one request without retries).</summary>
    public bool Enabled { get; set; }
    public int Requests => _requests;
    public IReadOnlyDictionary<FaultKind, int> Injected => _injected;
    public int Total => _injected.Values.Sum();

    /// <summary>The next request matching <paramref name="match"/> waits <paramref name="delay"/> (once).</summary>
    public void StallNext(Func<HttpRequest, bool> match, TimeSpan delay)
    {
        lock (_stalls) _stalls.Add((match, delay));
    }

    /// <summary>The fault for this request (None mostly); a stall rule that matches is used up.</summary>
    public (FaultKind Kind, TimeSpan Delay) Next(HttpRequest request)
    {
        Interlocked.Increment(ref _requests);
        lock (_stalls)
        {
            var stall = _stalls.FindIndex(s => s.Match(request));
            if (stall >= 0)
            {
                var delay = _stalls[stall].Delay;
                _stalls.RemoveAt(stall);
                return (FaultKind.Stall, delay);
            }
        }
        if (!Enabled) return (FaultKind.None, TimeSpan.Zero);
        lock (_random)
            return _random.NextDouble() < rate ? (_kinds[_random.Next(_kinds.Length)], TimeSpan.FromSeconds(2)) : (FaultKind.None, TimeSpan.Zero);
    }

    /// <summary>Called by the proxy when it really applied a fault (a truncation needs a body to cut).</summary>
    public void Count(FaultKind kind) => _injected.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public override string ToString() =>
        $"seed {seed}, rate {rate:P0}: {Total} faults in {Requests} requests (" +
        string.Join(", ", _injected.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")) + ")";
}
