using System.Text.Json;
using System.Text.RegularExpressions;

namespace BasicTrust.Functions.Pipeline;

/// <summary>Reads queue messages strictly: a message anyone could have written names the field and rule it breaks.</summary>
public static partial class Messages
{
    /// <summary>Parses a message; throws <see cref="InvalidMessageException"/> naming the bad field.</summary>
    public static T Read<T>(string text) where T : class
    {
        T? message;
        try { message = JsonSerializer.Deserialize<T>(text, Json.Options); }
        catch (JsonException) { throw new InvalidMessageException($"The message is not a JSON {typeof(T).Name}."); }
        if (message is null) throw new InvalidMessageException($"The message is not a JSON {typeof(T).Name}.");
        return message;
    }

    /// <summary>The session of a job, ids checked.</summary>
    public static SessionKey Session(string? caseId, string? sessionId)
    {
        try { return SessionKey.Create(caseId, sessionId); }
        catch (ArgumentException e) { throw new InvalidMessageException(e.Message); }
    }

    /// <summary>Checks a plan id (12 lower-case hex digits).</summary>
    public static string PlanId(string? planId) =>
        planId is not null && PlanIdPattern().IsMatch(planId) ? planId : throw new InvalidMessageException("planId must be 12 lower-case hex digits.");

    /// <summary>Checks a clip id (<c>{planId}-NN</c>) belongs to the plan.</summary>
    public static string ClipId(string? clipId, string planId) =>
        clipId is not null && ClipIdPattern().IsMatch(clipId) && clipId.StartsWith(planId + "-", StringComparison.Ordinal)
            ? clipId : throw new InvalidMessageException("clipId must be the planId followed by '-' and a two- or three-digit number.");

    [GeneratedRegex(@"^[0-9a-f]{12}\z")]
    private static partial Regex PlanIdPattern();

    [GeneratedRegex(@"^[0-9a-f]{12}-[0-9]{2,3}\z")]
    private static partial Regex ClipIdPattern();
}

/// <summary>A queue message that is not what its queue carries; the invocation fails, so retries and poison apply.</summary>
public sealed class InvalidMessageException(string message) : Exception(message);
