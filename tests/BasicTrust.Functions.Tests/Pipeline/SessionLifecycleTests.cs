using BasicTrust.Contracts;
using BasicTrust.Contracts.Documents;
using BasicTrust.Functions.Pipeline;
using static BasicTrust.Functions.Pipeline.SessionEvent;

namespace BasicTrust.Functions.Tests.Pipeline;

/// <summary>Every transition and decision of a session's lifecycle, without storage.</summary>
public class SessionLifecycleTests
{
    static readonly SessionKey Session = SessionKey.Create("fam-1", "s-1");
    const string Plan = "0123456789ab";
    const string Newer = "ba9876543210";
    static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    static readonly FieldProblem Problem = new("clips.x", "cut", "Clip x could not be cut.");

    static SessionStatus Status(SessionState state, string? planId = Plan, int done = 0, int total = 3) => new()
    {
        CaseId = Session.CaseId, SessionId = Session.SessionId, PlanId = planId, State = state, ClipsDone = done, ClipsTotal = total,
        UpdatedAt = Now,
    };

    static SessionStatus? Apply(SessionStatus? current, SessionEvent @event) => SessionLifecycle.Apply(current, Session, @event);

    // The normal course: planned, each clip, assembling, ready.

    [Fact]
    public void Planned_WithoutStatus_StartsThePlan()
    {
        var next = Apply(null, new Planned(Plan, 3, [], []))!;
        Assert.Equal((SessionState.Planned, Plan, 0, 3), (next.State, next.PlanId, next.ClipsDone, next.ClipsTotal));
        Assert.Equal(("fam-1", "s-1"), (next.CaseId, next.SessionId));
    }

    [Fact]
    public void Planned_KeepsWarningsAndConcerns()
    {
        var warning = new FieldProblem("tags", "strengths-first", "Most moments are learning moments.");
        var next = Apply(null, new Planned(Plan, 3, [warning], [new StatusConcern("t2", 1, 2)]))!;
        Assert.Equal(warning, Assert.Single(next.Warnings));
        Assert.Equal("t2", Assert.Single(next.Concerns).TagId);
    }

    [Theory]
    [InlineData(SessionState.Planned)]
    [InlineData(SessionState.Cutting)]
    public void ClipCut_InFlight_CountsTheClip(SessionState state)
    {
        var next = Apply(Status(state, done: 1), new ClipCut(Plan, 2))!;
        Assert.Equal((SessionState.Cutting, 2), (next.State, next.ClipsDone));
    }

    [Fact]
    public void ClipCut_ReportedLate_NeverCountsBackwards() =>
        Assert.Equal(2, Apply(Status(SessionState.Cutting, done: 2), new ClipCut(Plan, 1))!.ClipsDone);

    [Fact]
    public void Assembling_AfterTheLastClip_CountsEveryClip()
    {
        var next = Apply(Status(SessionState.Cutting, done: 2), new Assembling(Plan, 3))!;
        Assert.Equal((SessionState.Assembling, 3), (next.State, next.ClipsDone));
    }

    [Fact]
    public void ReelStored_MakesTheSessionReady()
    {
        var next = Apply(Status(SessionState.Assembling, done: 3), new ReelStored(Plan, 3, Now))!;
        Assert.Equal((SessionState.Ready, 3, Now), (next.State, next.ClipsDone, next.ReadyAt));
    }

    // Retries: a job delivered again repeats its event.

    [Fact]
    public void ReelStored_Again_KeepsTheFirstReadyTime()
    {
        var ready = Status(SessionState.Ready, done: 3) with { ReadyAt = Now };
        Assert.Equal(Now, Apply(ready, new ReelStored(Plan, 3, Now.AddMinutes(5)))!.ReadyAt);
    }

    [Fact]
    public void ClipCut_AfterReady_ChangesNothing() =>
        Assert.Null(Apply(Status(SessionState.Ready, done: 3), new ClipCut(Plan, 3)));

    [Fact]
    public void Repaired_TouchesTheStatusOfItsPlanOnly()
    {
        var stuck = Status(SessionState.Cutting, done: 1);
        Assert.Equal(stuck, Apply(stuck, new Repaired(Plan)));
        Assert.Null(Apply(stuck, new Repaired(Newer)));
    }

    [Fact]
    public void QueuesReel_TheMarkersCreatorQueuesIt() => Assert.True(SessionLifecycle.QueuesReel(createdMarker: true, isRetry: false, reelStored: false));

    [Theory]
    [InlineData(false, false, false)] // another worker queued it
    [InlineData(true, true, false)]   // a retry: the reel is stored already
    [InlineData(true, false, true)]   // a retry while no reel exists: the marker's owner may have died before queueing
    public void QueuesReel_WithoutTheMarker_OnlyARetryWithoutReel(bool isRetry, bool reelStored, bool queues) =>
        Assert.Equal(queues, SessionLifecycle.QueuesReel(createdMarker: false, isRetry, reelStored));

    // Poison: a job out of retries fails its plan while it is in flight, and nothing else.

    [Theory]
    [InlineData(SessionState.Planned)]
    [InlineData(SessionState.Cutting)]
    [InlineData(SessionState.Assembling)]
    public void JobPoisoned_InFlight_FailsThePlanWithTheReason(SessionState state)
    {
        var next = Apply(Status(state), new JobPoisoned(Plan, Problem))!;
        Assert.Equal(SessionState.Failed, next.State);
        Assert.Equal(Problem, Assert.Single(next.Errors));
    }

    [Theory]
    [InlineData(SessionState.Ready)]
    [InlineData(SessionState.Failed)]
    public void JobPoisoned_NotInFlight_ChangesNothing(SessionState state) =>
        Assert.Null(Apply(Status(state), new JobPoisoned(Plan, Problem)));

    [Fact]
    public void JobPoisoned_WithoutStatus_CreatesNone() => Assert.Null(Apply(null, new JobPoisoned(Plan, Problem)));

    [Fact]
    public void ManifestAbandoned_BeforeAnyPlan_FailsTheSession()
    {
        var next = Apply(null, new ManifestAbandoned(Problem))!;
        Assert.Equal((SessionState.Failed, null), (next.State, next.PlanId));
        Assert.Equal(Problem, Assert.Single(next.Errors));
    }

    [Fact]
    public void ManifestAbandoned_AfterAPlan_ChangesNothing() =>
        Assert.Null(Apply(Status(SessionState.Cutting), new ManifestAbandoned(Problem)));

    // Superseded: a newer manifest's plan takes over, and the old plan's late work changes nothing.

    [Fact]
    public void Planned_WhileAnotherPlanIsReady_Supersedes()
    {
        var ready = Status(SessionState.Ready, done: 3) with { ReadyAt = Now };
        var next = Apply(ready, new Planned(Newer, 2, [], []))!;
        Assert.Equal((SessionState.Planned, Newer, 0, 2, (DateTimeOffset?)null), (next.State, next.PlanId, next.ClipsDone, next.ClipsTotal, next.ReadyAt));
    }

    public static TheoryData<SessionEvent> LateEventsOfTheOldPlan => new()
    {
        new ClipCut(Plan, 3), new Assembling(Plan, 3), new ReelStored(Plan, 3, Now), new JobPoisoned(Plan, Problem), new Repaired(Plan),
    };

    [Theory]
    [MemberData(nameof(LateEventsOfTheOldPlan))]
    public void LateEvents_OfASupersededPlan_ChangeNothing(SessionEvent late) =>
        Assert.Null(Apply(Status(SessionState.Cutting, planId: Newer), late));

    [Fact]
    public void Refused_ReplacesThePlanWithTheErrors()
    {
        var next = Apply(Status(SessionState.Ready, done: 3), new Refused([Problem], [], []))!;
        Assert.Equal((SessionState.Failed, null, 3), (next.State, next.PlanId, next.ClipsDone));
        Assert.Equal(Problem, Assert.Single(next.Errors));
    }

    [Fact]
    public void ReelStored_AfterTheSessionFailed_ChangesNothing() =>
        Assert.Null(Apply(Status(SessionState.Failed), new ReelStored(Plan, 3, Now)));

    [Fact]
    public void DecideJob_OfTheCurrentPlan_Runs() =>
        Assert.Equal(JobDecision.Run, SessionLifecycle.DecideJob(Status(SessionState.Cutting), Plan, gone: false));

    [Fact]
    public void DecideJob_OfASupersededPlan_IsSkipped()
    {
        Assert.Equal(JobDecision.SkipSuperseded, SessionLifecycle.DecideJob(Status(SessionState.Cutting, planId: Newer), Plan, gone: false));
        Assert.Equal(JobDecision.SkipSuperseded, SessionLifecycle.DecideJob(null, Plan, gone: false));
    }

    [Fact]
    public void DecideJob_OfAFailedPlan_IsSkipped() =>
        Assert.Equal(JobDecision.SkipFailed, SessionLifecycle.DecideJob(Status(SessionState.Failed), Plan, gone: false));

    [Fact]
    public void Erased_FromAnyState_EndsTheSession_AndNothingComesAfter()
    {
        foreach (var state in Enum.GetValues<SessionState>().Where(s => s != SessionState.Erased))
        {
            var erased = Apply(Status(state), new Erased());
            Assert.Equal(SessionState.Erased, erased?.State);
            Assert.Null(erased!.ReelPlanId);
            Assert.Null(Apply(erased, new Planned(Newer, 2, [], [])));
            Assert.Null(Apply(erased, new ReelStored(Plan, 3, Now)));
            Assert.Null(Apply(erased, new Refused([Problem], [], [])));
        }
        Assert.Equal(JobDecision.SkipPurged, SessionLifecycle.DecideJob(Apply(Status(SessionState.Cutting), new Erased()), Plan, gone: false));
        Assert.Equal(JobDecision.SkipPurged, SessionLifecycle.DecideJob(Status(SessionState.Cutting), Plan, gone: true));
    }

    [Fact]
    public void DecidePlan_NewPlan_Starts() =>
        Assert.Equal(PlanDecision.Start, SessionLifecycle.DecidePlan(Status(SessionState.Ready, planId: Newer), Plan));

    [Fact]
    public void DecidePlan_WithoutStatus_Starts() => Assert.Equal(PlanDecision.Start, SessionLifecycle.DecidePlan(null, Plan));

    [Theory]
    [InlineData(SessionState.Planned)]
    [InlineData(SessionState.Cutting)]
    [InlineData(SessionState.Ready)]
    public void DecidePlan_SamePlanAgain_IsANoOp(SessionState state) =>
        Assert.Equal(PlanDecision.AlreadyUnderWay, SessionLifecycle.DecidePlan(Status(state), Plan));

    [Fact]
    public void DecidePlan_SamePlanAfterItFailed_Restarts() =>
        Assert.Equal(PlanDecision.Restart, SessionLifecycle.DecidePlan(Status(SessionState.Failed), Plan));

    // Purge: a purged case's jobs stop, whatever their status says.

    [Theory]
    [InlineData(SessionState.Cutting)]
    [InlineData(SessionState.Assembling)]
    public void DecideJob_AfterThePurge_IsSkipped(SessionState state) =>
        Assert.Equal(JobDecision.SkipPurged, SessionLifecycle.DecideJob(Status(state), Plan, gone: true));

    // Stuck: the sweep repairs what has not moved for longer than the limit.

    static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData(SessionState.Planned)]
    [InlineData(SessionState.Cutting)]
    [InlineData(SessionState.Assembling)]
    public void DecideSweep_InFlightPastTheLimit_Repairs(SessionState state) =>
        Assert.Equal(SweepDecision.Repair, SessionLifecycle.DecideSweep(Status(state), Now + StuckAfter + TimeSpan.FromSeconds(1), StuckAfter));

    [Fact]
    public void DecideSweep_InFlightWithinTheLimit_WaitsAndRepairsNothing() =>
        Assert.Equal(SweepDecision.Nothing, SessionLifecycle.DecideSweep(Status(SessionState.Cutting), Now + StuckAfter, StuckAfter));

    [Fact]
    public void DecideSweep_Ready_IsTidied() =>
        Assert.Equal(SweepDecision.Tidy, SessionLifecycle.DecideSweep(Status(SessionState.Ready), Now + TimeSpan.FromDays(1), StuckAfter));

    [Theory]
    [InlineData(SessionState.Failed, Plan)]
    [InlineData(SessionState.Failed, null)]
    public void DecideSweep_FailedOrWithoutPlan_IsLeftAlone(SessionState state, string? planId) =>
        Assert.Equal(SweepDecision.Nothing, SessionLifecycle.DecideSweep(Status(state, planId), Now + TimeSpan.FromDays(1), StuckAfter));

    [Fact]
    public void ManifestMissed_NoStatus_OnceOlderThanStuckAfter()
    {
        Assert.True(SessionLifecycle.ManifestMissed(null, "\"v1\"", Now, Now + StuckAfter + TimeSpan.FromSeconds(1), StuckAfter));
        Assert.False(SessionLifecycle.ManifestMissed(null, "\"v1\"", Now, Now + StuckAfter, StuckAfter)); // its event may still come
    }

    [Fact]
    public void ManifestMissed_StatusAnsweringThisVersion_IsNot()
    {
        var answered = Status(SessionState.Ready) with { Manifest = "\"v1\"", UpdatedAt = Now - TimeSpan.FromHours(1) };
        Assert.False(SessionLifecycle.ManifestMissed(answered, "\"v1\"", Now, Now + TimeSpan.FromDays(1), StuckAfter));
    }

    [Fact]
    public void ManifestMissed_NewerVersionThanTheStatus_Is_ButNotWhenTheStatusChangedSince()
    {
        var older = Status(SessionState.Ready) with { Manifest = "\"v1\"", UpdatedAt = Now - TimeSpan.FromMinutes(1) };
        Assert.True(SessionLifecycle.ManifestMissed(older, "\"v2\"", Now, Now + TimeSpan.FromHours(1), StuckAfter));
        // A status written after the manifest (a poisoned manifest was marked failed) answers it, whatever version it names.
        var after = older with { State = SessionState.Failed, UpdatedAt = Now + TimeSpan.FromSeconds(5) };
        Assert.False(SessionLifecycle.ManifestMissed(after, "\"v2\"", Now, Now + TimeSpan.FromHours(1), StuckAfter));
    }
}

/// <summary>Which reel a session shows while a newer one is made, and which manifest its status answers.</summary>
public class SessionLifecycleReelTests
{
    static readonly SessionKey Session = SessionKey.Create("fam-1", "s-1");
    static readonly SessionStatus Ready = new() { CaseId = "fam-1", SessionId = "s-1", PlanId = "old", State = SessionState.Ready, ReelPlanId = "old", Manifest = "\"v1\"" };

    [Fact]
    public void ReelStored_NamesTheReadyReel() =>
        Assert.Equal("new", SessionLifecycle.Apply(Ready with { PlanId = "new", State = SessionState.Assembling }, Session, new SessionEvent.ReelStored("new", 3, DateTimeOffset.UnixEpoch))!.ReelPlanId);

    [Fact]
    public void ANewPlanOrARefusal_KeepsTheLastReadyReel_AndNamesItsManifest()
    {
        var planned = SessionLifecycle.Apply(Ready, Session, new SessionEvent.Planned("new", 3, [], [], "\"v2\""))!;
        Assert.Equal(("new", "old", "\"v2\""), (planned.PlanId, planned.ReelPlanId, planned.Manifest));
        var refused = SessionLifecycle.Apply(Ready, Session, new SessionEvent.Refused([], [], [], "\"v3\""))!;
        Assert.Equal((SessionState.Failed, "old", "\"v3\""), (refused.State, refused.ReelPlanId, refused.Manifest));
    }

    [Fact]
    public void AnUnchangedManifest_OnlyNamesItsVersion()
    {
        Assert.Equal(Ready with { Manifest = "\"v2\"" }, SessionLifecycle.Apply(Ready, Session, new SessionEvent.ManifestUnchanged("\"v2\"")));
        Assert.Null(SessionLifecycle.Apply(Ready, Session, new SessionEvent.ManifestUnchanged("\"v1\"")));
        Assert.Null(SessionLifecycle.Apply(null, Session, new SessionEvent.ManifestUnchanged("\"v1\"")));
    }
}
