using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace VideoTube.Application.Common.Security;

/// <summary>Opaque refresh tokens: 256 random bits handed to the client, only their SHA-256 stored.</summary>
public static class TokenHasher
{
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>A fast hash is enough: the token has 256 bits of entropy, so there is nothing to brute-force.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
