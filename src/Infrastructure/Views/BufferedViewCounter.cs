using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using VideoTube.Application.Videos;
using VideoTube.Infrastructure.Data;

namespace VideoTube.Infrastructure.Views;

/// <summary>
/// This instance's views not stored yet, per video, flushed by <see cref="ViewFlushService"/> in ONE statement. A lock
/// rather than a concurrent map: counting and the flush's swap each hold it for a few instructions, and with one lock
/// the figure a viewer is shown (pending plus in flight) can never miss their own view.
/// </summary>
public sealed class BufferedViewCounter(IServiceScopeFactory scopes, IOptions<ViewsOptions> options) : IViewCounter
{
    /// <summary>
    /// Locks the rows in id order first, so instances flushing overlapping videos at once wait for each other instead of
    /// deadlocking; the UPDATE then adds each count to the latest committed figure.
    /// </summary>
    private const string FlushSql = """
        WITH counted AS (SELECT * FROM unnest(@ids, @counts) AS c(id, n)),
             locked AS MATERIALIZED (
                 SELECT v.id FROM videos AS v JOIN counted USING (id) ORDER BY v.id FOR NO KEY UPDATE OF v)
        UPDATE videos AS v SET views = v.views + counted.n
        FROM counted JOIN locked USING (id)
        WHERE v.id = counted.id
        """;

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly SemaphoreSlim _full = new(0, 1);
    private Dictionary<Guid, long> _pending = [];
    private Dictionary<Guid, long> _inFlight = [];

    public long Count(Guid videoId)
    {
        long unsaved;
        bool full;
        lock (_gate)
        {
            ref var pending = ref CollectionsMarshal.GetValueRefOrAddDefault(_pending, videoId, out _);
            pending++;
            unsaved = pending + _inFlight.GetValueOrDefault(videoId);
            full = _pending.Count >= options.Value.MaxPendingVideos;
        }
        if (full && _full.CurrentCount == 0)
        {
            try { _full.Release(); }
            catch (SemaphoreFullException) { } // another viewer woke the flusher first
        }
        return unsaved;
    }

    /// <summary>Views counted and not yet handed to a flush (for logs on shutdown).</summary>
    public long PendingViews
    {
        get { lock (_gate) return _pending.Values.Sum(); }
    }

    /// <summary>Waits for the next flush to be due: the interval has passed, or the buffer holds too many videos.</summary>
    internal Task<bool> WaitUntilDueAsync(TimeSpan interval, CancellationToken cancellationToken) =>
        _full.WaitAsync(interval, cancellationToken);

    /// <summary>
    /// Stores every view counted so far in one statement and returns how many videos it touched. A failed flush puts
    /// its counts back, so the next one stores them. Public for tests, which flush instead of waiting for the timer.
    /// </summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            Dictionary<Guid, long> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                    return 0;
                (batch, _pending, _inFlight) = (_pending, [], _pending);
            }

            try
            {
                var ids = batch.Keys.Order().ToArray();
                var counts = ids.Select(id => batch[id]).ToArray();
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
                await db.Database.ExecuteSqlRawAsync(FlushSql,
                    [
                        new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids },
                        new NpgsqlParameter("counts", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = counts },
                    ],
                    // Counts already taken must reach the database or come back; a caller's cancellation must not
                    // abandon them half-way, so only the command timeout bounds the statement.
                    CancellationToken.None);
            }
            catch
            {
                lock (_gate)
                {
                    foreach (var (id, n) in batch)
                        CollectionsMarshal.GetValueRefOrAddDefault(_pending, id, out _) += n;
                    _inFlight = [];
                }
                throw;
            }

            lock (_gate)
                _inFlight = [];
            return batch.Count;
        }
        finally
        {
            _flushing.Release();
        }
    }
}
