using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoTube.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoredCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "comments_count",
                table: "videos",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "likes_count",
                table: "videos",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "published_videos_count",
                table: "users",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "subscribers_count",
                table: "users",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "subscriptions_count",
                table: "users",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "total_likes",
                table: "users",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "total_views",
                table: "users",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "videos_count",
                table: "users",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "likes_count",
                table: "tweets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "likes_count",
                table: "comments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "catalogue_counters",
                columns: table => new
                {
                    id = table.Column<short>(type: "smallint", nullable: false),
                    published_videos = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalogue_counters", x => x.id);
                    table.CheckConstraint("ck_catalogue_counters_singleton", "id = 1");
                });

            migrationBuilder.Sql(CreateTriggers);
            migrationBuilder.Sql(Backfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropTriggers);

            migrationBuilder.DropTable(
                name: "catalogue_counters");

            migrationBuilder.DropColumn(
                name: "comments_count",
                table: "videos");

            migrationBuilder.DropColumn(
                name: "likes_count",
                table: "videos");

            migrationBuilder.DropColumn(
                name: "published_videos_count",
                table: "users");

            migrationBuilder.DropColumn(
                name: "subscribers_count",
                table: "users");

            migrationBuilder.DropColumn(
                name: "subscriptions_count",
                table: "users");

            migrationBuilder.DropColumn(
                name: "total_likes",
                table: "users");

            migrationBuilder.DropColumn(
                name: "total_views",
                table: "users");

            migrationBuilder.DropColumn(
                name: "videos_count",
                table: "users");

            migrationBuilder.DropColumn(
                name: "likes_count",
                table: "tweets");

            migrationBuilder.DropColumn(
                name: "likes_count",
                table: "comments");
        }

        // The counters are kept by AFTER ROW triggers, so every write path keeps them right: EF Core, raw SQL, foreign
        // key cascades and tools. Each change is `x = x + d` on the counted row, which the row lock makes exact under
        // concurrency. Rows are always locked in one order, videos -> users -> catalogue_counters (and two users by
        // id), so two counter updates can never wait on each other in a cycle. When a cascade has already deleted the
        // parent row (a video or user being deleted), the UPDATE matches nothing: the parent's own trigger takes its
        // counters out of its owner's totals instead. Likes, comments and subscriptions are never updated in place,
        // and a video never changes owner, so only INSERT and DELETE are counted for them.
        private const string CreateTriggers = """
            CREATE FUNCTION counters_on_subscription() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                r subscriptions;
                d bigint;
            BEGIN
                IF TG_OP = 'INSERT' THEN r := NEW; d := 1; ELSE r := OLD; d := -1; END IF;
                -- By id, so A following B while B follows A cannot deadlock.
                PERFORM 1 FROM users WHERE id IN (r.subscriber_id, r.channel_id) ORDER BY id FOR NO KEY UPDATE;
                UPDATE users SET subscribers_count = subscribers_count + d WHERE id = r.channel_id;
                UPDATE users SET subscriptions_count = subscriptions_count + d WHERE id = r.subscriber_id;
                RETURN NULL;
            END $$;

            CREATE FUNCTION counters_on_like() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                r likes;
                d bigint;
            BEGIN
                IF TG_OP = 'INSERT' THEN r := NEW; d := 1; ELSE r := OLD; d := -1; END IF;
                IF r.video_id IS NOT NULL THEN
                    -- The owner is reached through the video row, so a like deleted by its video's cascade changes
                    -- nothing here (the video's own trigger removes all its likes from the owner at once).
                    WITH video AS (
                        UPDATE videos SET likes_count = likes_count + d WHERE id = r.video_id RETURNING owner_id)
                    UPDATE users SET total_likes = total_likes + d WHERE id = (SELECT owner_id FROM video);
                ELSIF r.comment_id IS NOT NULL THEN
                    UPDATE comments SET likes_count = likes_count + d WHERE id = r.comment_id;
                ELSE
                    UPDATE tweets SET likes_count = likes_count + d WHERE id = r.tweet_id;
                END IF;
                RETURN NULL;
            END $$;

            CREATE FUNCTION counters_on_comment() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    UPDATE videos SET comments_count = comments_count + 1 WHERE id = NEW.video_id;
                ELSE
                    UPDATE videos SET comments_count = comments_count - 1 WHERE id = OLD.video_id;
                END IF;
                RETURN NULL;
            END $$;

            CREATE FUNCTION counters_on_video() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                published bigint;
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    published := NEW.is_published::int;
                    UPDATE users SET videos_count = videos_count + 1,
                                     published_videos_count = published_videos_count + published,
                                     total_views = total_views + NEW.views,
                                     total_likes = total_likes + NEW.likes_count
                    WHERE id = NEW.owner_id;
                ELSIF TG_OP = 'DELETE' THEN
                    -- A deleted video takes its views and likes out of its owner's totals.
                    published := -OLD.is_published::int;
                    UPDATE users SET videos_count = videos_count - 1,
                                     published_videos_count = published_videos_count + published,
                                     total_views = total_views - OLD.views,
                                     total_likes = total_likes - OLD.likes_count
                    WHERE id = OLD.owner_id;
                ELSE
                    published := NEW.is_published::int - OLD.is_published::int;
                    UPDATE users SET published_videos_count = published_videos_count + published,
                                     total_views = total_views + (NEW.views - OLD.views)
                    WHERE id = NEW.owner_id;
                END IF;
                IF published <> 0 THEN
                    UPDATE catalogue_counters SET published_videos = published_videos + published WHERE id = 1;
                END IF;
                RETURN NULL;
            END $$;

            CREATE TRIGGER counters AFTER INSERT OR DELETE ON subscriptions
                FOR EACH ROW EXECUTE FUNCTION counters_on_subscription();
            CREATE TRIGGER counters AFTER INSERT OR DELETE ON likes
                FOR EACH ROW EXECUTE FUNCTION counters_on_like();
            CREATE TRIGGER counters AFTER INSERT OR DELETE ON comments
                FOR EACH ROW EXECUTE FUNCTION counters_on_comment();
            CREATE TRIGGER counters AFTER INSERT OR DELETE ON videos
                FOR EACH ROW EXECUTE FUNCTION counters_on_video();
            -- Only when views or publication change: the likes/comments counters' own updates of the row skip it.
            CREATE TRIGGER counters_update AFTER UPDATE OF views, is_published ON videos
                FOR EACH ROW
                WHEN (OLD.views IS DISTINCT FROM NEW.views OR OLD.is_published IS DISTINCT FROM NEW.is_published)
                EXECUTE FUNCTION counters_on_video();
            """;

        // Set-based: one grouped pass per counted table, joined to the rows it counts.
        private const string Backfill = """
            UPDATE users AS u SET subscribers_count = s.n
            FROM (SELECT channel_id, count(*) AS n FROM subscriptions GROUP BY channel_id) AS s WHERE s.channel_id = u.id;
            UPDATE users AS u SET subscriptions_count = s.n
            FROM (SELECT subscriber_id, count(*) AS n FROM subscriptions GROUP BY subscriber_id) AS s WHERE s.subscriber_id = u.id;
            UPDATE videos AS v SET likes_count = l.n
            FROM (SELECT video_id, count(*) AS n FROM likes WHERE video_id IS NOT NULL GROUP BY video_id) AS l WHERE l.video_id = v.id;
            UPDATE videos AS v SET comments_count = c.n
            FROM (SELECT video_id, count(*) AS n FROM comments GROUP BY video_id) AS c WHERE c.video_id = v.id;
            UPDATE comments AS c SET likes_count = l.n
            FROM (SELECT comment_id, count(*) AS n FROM likes WHERE comment_id IS NOT NULL GROUP BY comment_id) AS l WHERE l.comment_id = c.id;
            UPDATE tweets AS t SET likes_count = l.n
            FROM (SELECT tweet_id, count(*) AS n FROM likes WHERE tweet_id IS NOT NULL GROUP BY tweet_id) AS l WHERE l.tweet_id = t.id;
            UPDATE users AS u SET videos_count = v.n, published_videos_count = v.published, total_views = v.views, total_likes = v.likes
            FROM (SELECT owner_id, count(*) AS n, count(*) FILTER (WHERE is_published) AS published,
                         sum(views) AS views, sum(likes_count) AS likes
                  FROM videos GROUP BY owner_id) AS v
            WHERE v.owner_id = u.id;
            INSERT INTO catalogue_counters (id, published_videos) SELECT 1, count(*) FROM videos WHERE is_published;
            """;

        private const string DropTriggers = """
            DROP TRIGGER counters_update ON videos;
            DROP TRIGGER counters ON videos;
            DROP TRIGGER counters ON comments;
            DROP TRIGGER counters ON likes;
            DROP TRIGGER counters ON subscriptions;
            DROP FUNCTION counters_on_video();
            DROP FUNCTION counters_on_comment();
            DROP FUNCTION counters_on_like();
            DROP FUNCTION counters_on_subscription();
            """;
    }
}
