using System.Globalization;
using System.Text;

namespace VideoTube.Seeder;

/// <summary>
/// Titles, descriptions and comments: filler words with topic words mixed in. Topics are drawn with a Zipf skew, so a
/// search for an early word of <see cref="Vocabulary"/> ("guitar": about a third of the videos) matches many videos
/// and a late one ("resume": a few percent) few.
/// </summary>
public sealed class TextGenerator(Random random)
{
    public static readonly string[] Vocabulary =
    [
        "guitar", "tutorial", "music", "review", "coding", "travel", "cooking", "gaming", "fitness", "javascript",
        "python", "camera", "recipe", "piano", "football", "budget", "science", "history", "design", "podcast",
        "vlog", "unboxing", "workout", "beginner", "advanced", "painting", "garden", "coffee", "startup", "interview",
        "mountain", "ocean", "city", "street", "festival", "concert", "drawing", "animation", "physics", "chemistry",
        "math", "database", "postgres", "backend", "frontend", "react", "docker", "linux", "keyboard", "drone",
        "bicycle", "marathon", "yoga", "meditation", "baking", "pasta", "sushi", "vegan", "budgeting", "investing",
        "crypto", "photography", "editing", "lighting", "microphone", "studio", "acoustic", "jazz", "blues", "rock",
        "classical", "violin", "drums", "singing", "comedy", "sketch", "prank", "challenge", "speedrun", "strategy",
        "puzzle", "chess", "minecraft", "racing", "volleyball", "tennis", "basketball", "skiing", "surfing", "camping",
        "hiking", "fishing", "kayak", "wildlife", "birds", "cats", "dogs", "horses", "astronomy", "rocket",
        "robot", "electronics", "arduino", "soldering", "woodworking", "furniture", "interior", "fashion", "makeup",
        "skincare", "haircut", "language", "spanish", "japanese", "grammar", "exam", "university", "career", "resume",
    ];

    private static readonly string[] Filler =
    [
        "today", "video", "watch", "share", "learn", "quick", "simple", "really", "best", "first", "new", "old", "part",
        "episode", "series", "week", "weekend", "morning", "evening", "night", "home", "friends", "family", "people",
        "work", "project", "idea", "question", "answer", "story", "moment", "little", "big", "easy", "hard", "fast",
        "slow", "great", "favorite", "honest", "thoughts", "update", "journey", "progress", "result", "mistake",
        "lesson", "secret", "trick", "method", "setup", "gear", "price", "value", "quality", "detail", "look",
        "sound", "feel", "try", "test", "build", "make", "fix", "show", "explain", "compare", "start", "finish", "plan",
        "goal", "habit", "daily", "year", "month", "minute", "hour", "place", "world", "local", "online", "together",
        "alone", "comment", "below", "thanks", "support", "channel", "next", "last", "again", "finally", "honestly",
    ];

    private static readonly string[] TitleTemplates =
    [
        "{0} {1} for beginners", "How I learned {0} in {n} days", "{0} vs {1}: which is better?", "Top {n} {0} tips",
        "My {0} {1} routine", "The ultimate {0} guide", "{0} {1} explained", "Why {0} matters ({1} edition)",
        "{n} minutes of {0} and {1}", "Live {0} session #{n}",
    ];

    private static readonly string[] FirstNames =
    [
        "Aarav", "Alice", "Amara", "Ana", "Ben", "Chen", "Chloe", "Daniel", "Diego", "Elena", "Emma", "Farah", "Felix",
        "Grace", "Hana", "Hugo", "Ines", "Isaac", "Jamal", "Julia", "Kai", "Lena", "Liam", "Maya", "Mateo", "Mia",
        "Nadia", "Noah", "Olga", "Omar", "Priya", "Quinn", "Rahul", "Rosa", "Sara", "Sven", "Tariq", "Uma", "Yuki", "Zoe",
    ];

    private static readonly string[] LastNames =
    [
        "Adams", "Bauer", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ito", "Jensen", "Kim", "Kowalski",
        "Lopez", "Mehta", "Novak", "Okafor", "Patel", "Quispe", "Rossi", "Sato", "Schmidt", "Silva", "Singh", "Tanaka",
        "Umarov", "Varga", "Wang", "Weber", "Xu", "Yilmaz", "Zhang", "Moreau", "Nguyen", "Olsen", "Petrov", "Reyes",
    ];

    private readonly ZipfSampler _topics = new(Vocabulary.Length, 0.5);

    public string Topic() => Vocabulary[_topics.Sample(random)];

    /// <summary>Mostly filler, one word in seven a topic, roughly the density of real descriptions.</summary>
    public string Word() => random.Next(7) == 0 ? Topic() : Filler[random.Next(Filler.Length)];

    public string FullName() => $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";

    public string Title()
    {
        var template = TitleTemplates[random.Next(TitleTemplates.Length)];
        var title = template.Replace("{0}", Capitalize(Topic()), StringComparison.Ordinal)
            .Replace("{1}", Topic(), StringComparison.Ordinal)
            .Replace("{n}", random.Next(2, 60).ToString(CultureInfo.InvariantCulture),
                StringComparison.Ordinal);
        return title;
    }

    /// <summary>Between <paramref name="minWords"/> and <paramref name="maxWords"/> words in sentences.</summary>
    public string Sentences(int minWords, int maxWords)
    {
        var count = random.Next(minWords, maxWords + 1);
        var text = new StringBuilder(count * 8);
        var sentenceLength = 0;
        for (var i = 0; i < count; i++)
        {
            var word = Word();
            if (sentenceLength == 0)
            {
                if (text.Length > 0)
                    text.Append(' ');
                text.Append(Capitalize(word));
            }
            else
            {
                text.Append(' ').Append(word);
            }
            sentenceLength++;
            if (sentenceLength >= 4 && (random.Next(6) == 0 || i == count - 1))
            {
                text.Append('.');
                sentenceLength = 0;
            }
        }
        if (sentenceLength > 0)
            text.Append('.');
        return text.ToString();
    }

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
