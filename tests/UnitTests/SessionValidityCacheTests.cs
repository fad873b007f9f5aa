using Microsoft.Extensions.Options;
using VideoTube.Infrastructure.Identity;

namespace VideoTube.UnitTests;

/// <summary>The cache may only ever err towards asking the database: never a revoked session answered as valid.</summary>
public sealed class SessionValidityCacheTests
{
    private static SessionValidityCache NewCache() =>
        new(Options.Create(new SessionsOptions { ValidityCacheTtl = TimeSpan.FromMinutes(10) }), TimeProvider.System);

    [Test]
    public void Nothing_is_trusted_without_a_listener()
    {
        var cache = NewCache();
        var session = Guid.NewGuid();

        cache.Store(session, active: true, cache.Epoch);

        Assert.That(cache.TryGet(session, out _), Is.False);
    }

    [Test]
    public void Answers_are_kept_while_listening_and_forgotten_when_the_listener_drops()
    {
        var cache = NewCache();
        var session = Guid.NewGuid();
        cache.StartListening();

        cache.Store(session, active: true, cache.Epoch);
        Assert.That(cache.TryGet(session, out var active) && active, Is.True);

        cache.StopListening();
        Assert.That(cache.TryGet(session, out _), Is.False);
        cache.StartListening();
        Assert.That(cache.TryGet(session, out _), Is.False, "revocations missed while down must not be covered up");
    }

    [Test]
    public void A_revocation_wins_over_a_check_that_read_the_database_before_it()
    {
        var cache = NewCache();
        var session = Guid.NewGuid();
        cache.StartListening();

        var epoch = cache.Epoch;      // a request starts its database check...
        cache.Revoked(session);       // ...the session ends meanwhile...
        cache.Store(session, active: true, epoch); // ...and the stale answer arrives.

        Assert.That(cache.TryGet(session, out var active), Is.True);
        Assert.That(active, Is.False);
    }

    [Test]
    public void A_check_that_spans_a_reconnection_is_not_stored()
    {
        var cache = NewCache();
        var session = Guid.NewGuid();
        cache.StartListening();

        var epoch = cache.Epoch;
        cache.StopListening();
        cache.StartListening();
        cache.Store(session, active: true, epoch);

        Assert.That(cache.TryGet(session, out _), Is.False);
    }

    [Test]
    public void A_zero_ttl_turns_the_cache_off()
    {
        var cache = new SessionValidityCache(Options.Create(new SessionsOptions { ValidityCacheTtl = TimeSpan.Zero }),
            TimeProvider.System);
        var session = Guid.NewGuid();
        cache.StartListening();

        cache.Store(session, active: true, cache.Epoch);

        Assert.That(cache.TryGet(session, out _), Is.False);
    }
}
