using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace VideoTube.Infrastructure.Identity;

/// <summary>
/// What this instance knows about sessions (refresh-token families), trusted only while
/// <see cref="SessionRevocationListener"/> listens for revocations: a revocation this instance may have missed must
/// never leave a session valid here, so without a listener every check goes to the database.
/// </summary>
/// <remarks>
/// A check that read the database before a revocation committed must not store "active" after the notification
/// evicted the entry. Every notification and every change of the listener's state moves <see cref="_epoch"/>, and an
/// answer read while it moved is dropped rather than stored.
/// </remarks>
public sealed class SessionValidityCache(IOptions<SessionsOptions> options, TimeProvider clock)
{
    /// <summary>The PostgreSQL NOTIFY channel; the payload is the ended session's id.</summary>
    public const string Channel = "session_revoked";

    /// <summary>Bounds memory: past this many sessions, checks go to the database until entries expire.</summary>
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private long _epoch;
    private volatile bool _listening;

    private sealed record Entry(bool Active, DateTime ExpiresAt);

    public bool IsListening => _listening;

    private TimeSpan Ttl => options.Value.ValidityCacheTtl;

    /// <summary>Taken before reading the database; <see cref="Store"/> compares it.</summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    public bool TryGet(Guid sessionId, out bool active)
    {
        active = false;
        if (!_listening || !_entries.TryGetValue(sessionId, out var entry))
            return false;
        if (entry.ExpiresAt <= clock.GetUtcNow().UtcDateTime)
        {
            _entries.TryRemove(new KeyValuePair<Guid, Entry>(sessionId, entry));
            return false;
        }
        active = entry.Active;
        return true;
    }

    /// <summary>Remembers a database answer, unless a revocation or a listener change happened since <paramref name="epoch"/>.</summary>
    public void Store(Guid sessionId, bool active, long epoch)
    {
        if (!_listening || Ttl <= TimeSpan.Zero || _entries.Count >= MaxEntries)
            return;
        var entry = new Entry(active, clock.GetUtcNow().UtcDateTime + Ttl);
        // An ended session never comes back, so a known end is kept over any answer.
        _entries.AddOrUpdate(sessionId, entry, (_, known) => known.Active ? entry : known);
        // Written first and checked second: a revocation racing with this store either sees the entry and replaces it,
        // or has moved the epoch before this check, which takes the entry back.
        if (Interlocked.Read(ref _epoch) != epoch || !_listening)
            _entries.TryRemove(new KeyValuePair<Guid, Entry>(sessionId, entry));
    }

    /// <summary>A session ended (here or, through NOTIFY, on another instance): remembered as ended.</summary>
    public void Revoked(Guid sessionId)
    {
        Interlocked.Increment(ref _epoch);
        // Ended sessions never come back, so remembering it is always right; the TTL only bounds memory.
        if (_listening && Ttl > TimeSpan.Zero)
            _entries[sessionId] = new Entry(false, clock.GetUtcNow().UtcDateTime + Ttl);
        else
            _entries.TryRemove(sessionId, out _);
    }

    /// <summary>LISTEN is in place: revocations committed from now on will be heard. Earlier answers are forgotten.</summary>
    public void StartListening()
    {
        _entries.Clear();
        Interlocked.Increment(ref _epoch);
        _listening = true;
    }

    /// <summary>The listener is gone: notifications may be missed from now on, so nothing here is trusted any more.</summary>
    public void StopListening()
    {
        _listening = false;
        Interlocked.Increment(ref _epoch);
        _entries.Clear();
    }

    /// <summary>Drops expired entries (called by the listener while it idles).</summary>
    public void Prune()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (id, entry) in _entries)
            if (entry.ExpiresAt <= now)
                _entries.TryRemove(new KeyValuePair<Guid, Entry>(id, entry));
    }
}
