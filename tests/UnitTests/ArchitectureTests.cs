using System.Reflection;
using System.Text.RegularExpressions;
using FluentValidation;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Entities;
using VideoTube.Infrastructure.Data;

namespace VideoTube.UnitTests;

/// <summary>The layer rules of ADR-006, checked on the compiled assemblies.</summary>
public sealed partial class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(Video).Assembly;
    private static readonly Assembly Application = typeof(IApplicationDbContext).Assembly;
    private static readonly Assembly Infrastructure = typeof(ApplicationDbContext).Assembly;
    private static readonly Assembly WebApi = typeof(Program).Assembly;

    [Test]
    public void Domain_references_no_other_layer_and_no_framework_beyond_the_identity_user()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("VideoTube.Application", "VideoTube.Infrastructure", "VideoTube.WebApi",
                "Microsoft.EntityFrameworkCore", "Npgsql", "AutoMapper", "Microsoft.AspNetCore.Http")
            .GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
        // IdentityUser<Guid> is the one framework base type (ADR-003); it comes from Identity's stores package.
        Assert.That(ReferencedAssemblies(Domain), Is.SubsetOf(new[] { "System.Runtime", "Microsoft.Extensions.Identity.Stores" }));
    }

    [Test]
    public void Application_references_neither_Infrastructure_WebApi_PostgreSQL_ASP_NET_Core_nor_Identity_managers()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("VideoTube.Infrastructure", "VideoTube.WebApi", "Npgsql",
                "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Routing",
                "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Identity.UserManager",
                "Microsoft.AspNetCore.Identity.SignInManager", "Microsoft.AspNetCore.Identity.IdentityResult",
                "Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade")
            .GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);

        var forbidden = ReferencedAssemblies(Application).Where(name =>
            name.StartsWith("Npgsql", StringComparison.Ordinal) ||
            name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) ||
            name is "Microsoft.Extensions.Identity.Core" or "VideoTube.Infrastructure" or "VideoTube.WebApi");
        Assert.That(forbidden, Is.Empty);
    }

    [Test]
    public void WebApi_touches_Infrastructure_only_to_register_it()
    {
        var result = Types.InAssembly(WebApi).ShouldNot().HaveDependencyOn("VideoTube.Infrastructure").GetResult();
        var outsideRegistration = (result.FailingTypeNames ?? []).Where(name =>
            !name.StartsWith("VideoTube.WebApi.DependencyInjection", StringComparison.Ordinal) &&
            !name.StartsWith("Program", StringComparison.Ordinal));
        Assert.That(outsideRegistration, Is.Empty);
    }

    [Test]
    public void Application_runs_no_raw_SQL()
    {
        // ExecuteSql*/FromSql* and the DatabaseFacade are how EF Core runs SQL text; none of them may appear here.
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions",
                "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions",
                "Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade")
            .GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Application_has_no_SQL_text_in_its_string_literals()
    {
        using var module = ModuleDefinition.ReadModule(Application.Location);
        var sql = module.GetTypes()
            .SelectMany(type => type.Methods)
            .Where(method => method.HasBody)
            .SelectMany(method => method.Body.Instructions
                .Where(instruction => instruction.OpCode == OpCodes.Ldstr && SqlText().IsMatch((string)instruction.Operand))
                .Select(instruction => $"{method.FullName}: {instruction.Operand}"))
            .ToList();
        Assert.That(sql, Is.Empty);
    }

    [Test]
    public void Every_query_port_of_Application_has_its_implementation_in_Infrastructure()
    {
        var ports = Application.GetTypes().Where(t => t.IsInterface && t.Name.EndsWith("Queries", StringComparison.Ordinal)).ToList();
        Assert.That(ports, Is.Not.Empty);
        foreach (var port in ports)
            Assert.That(Infrastructure.GetTypes().Any(t => t is { IsClass: true, IsAbstract: false } && port.IsAssignableFrom(t)),
                $"{port.Name} has no implementation in Infrastructure");
    }

    [Test]
    public void Every_validator_is_run_by_the_handler_of_its_input()
    {
        var validatedInputs = Application.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
                        && t.BaseType is { IsGenericType: true } baseType
                        && baseType.GetGenericTypeDefinition() == typeof(CommandValidator<>))
            .Select(t => t.BaseType!.GetGenericArguments()[0])
            .ToList();
        Assert.That(validatedInputs, Is.Not.Empty);
        var handlerDependencies = Application.GetTypes()
            .Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal))
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
            .ToHashSet();
        foreach (var input in validatedInputs)
            Assert.That(handlerDependencies, Does.Contain(typeof(IValidator<>).MakeGenericType(input)),
                $"no handler takes IValidator<{input.Name}>");
    }

    private static IEnumerable<string> ReferencedAssemblies(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(name => name.Name!).Where(name => !name.StartsWith("System.", StringComparison.Ordinal)
            || name == "System.Runtime");

    /// <summary>A statement keyword followed by the clause that makes it SQL (SELECT ... FROM, INSERT INTO ...).</summary>
    [GeneratedRegex(@"\b(SELECT\b[\s\S]*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|ON\s+CONFLICT)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SqlText();
}
