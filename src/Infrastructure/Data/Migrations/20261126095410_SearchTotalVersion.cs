using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoTube.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchTotalVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "search_version",
                table: "catalogue_counters",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
            migrationBuilder.Sql(VersionedVideoCounters);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(UnversionedVideoCounters);
            migrationBuilder.DropColumn(
                name: "search_version",
                table: "catalogue_counters");
        }
    
        // The video trigger of migration StoredCounters, which already locks the catalogue row whenever a published
        // video comes or goes, now also raises its search version then, and when a published video's searchable text
        // (its stored vector) changes. Drafts do not move it: a caller's own drafts are counted apart on every page.
        private const string VersionedVideoCounters = """
            CREATE OR REPLACE FUNCTION counters_on_video() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                published bigint;
                searchable_changed boolean := false;
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
                    searchable_changed := NEW.is_published AND NEW.search_vector IS DISTINCT FROM OLD.search_vector;
                    IF published <> 0 OR NEW.views <> OLD.views THEN
                        UPDATE users SET published_videos_count = published_videos_count + published,
                                         total_views = total_views + (NEW.views - OLD.views)
                        WHERE id = NEW.owner_id;
                    END IF;
                END IF;
                IF published <> 0 OR searchable_changed THEN
                    UPDATE catalogue_counters SET published_videos = published_videos + published,
                                                  search_version = search_version + 1
                    WHERE id = 1;
                END IF;
                RETURN NULL;
            END $$;

            DROP TRIGGER counters_update ON videos;
            -- Views and publication as before, and the text of a published video, whose vector is generated from it.
            CREATE TRIGGER counters_update AFTER UPDATE OF views, is_published, title, description ON videos
                FOR EACH ROW
                WHEN (OLD.views IS DISTINCT FROM NEW.views OR OLD.is_published IS DISTINCT FROM NEW.is_published
                      OR (NEW.is_published AND OLD.search_vector IS DISTINCT FROM NEW.search_vector))
                EXECUTE FUNCTION counters_on_video();
            """;

        private const string UnversionedVideoCounters = """
            CREATE OR REPLACE FUNCTION counters_on_video() RETURNS trigger LANGUAGE plpgsql AS $$
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

            DROP TRIGGER counters_update ON videos;
            CREATE TRIGGER counters_update AFTER UPDATE OF views, is_published ON videos
                FOR EACH ROW
                WHEN (OLD.views IS DISTINCT FROM NEW.views OR OLD.is_published IS DISTINCT FROM NEW.is_published)
                EXECUTE FUNCTION counters_on_video();
            """;
    }
}
