using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoTube.Infrastructure.Identity;

namespace VideoTube.Infrastructure.Data.Configurations;

public sealed class LoginAttemptConfiguration : IEntityTypeConfiguration<LoginAttempt>
{
    public void Configure(EntityTypeBuilder<LoginAttempt> builder)
    {
        builder.ToTable("login_attempts");
        builder.HasKey(a => a.Key);
        builder.Property(a => a.Key).HasMaxLength(LoginAttempt.MaxKeyLength);
    }
}
