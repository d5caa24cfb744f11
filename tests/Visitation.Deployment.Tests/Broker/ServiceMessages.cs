using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using MassTransit;
using Visitation.Application;
using Visitation.AuditStore;
using Visitation.BureauReview;
using Visitation.Contracts.Events;
using Visitation.Identity;
using Visitation.Messaging.Database;
using Visitation.Notification;
using Visitation.PrisonApproval;
using Visitation.Scheduling;
using Visitation.Workflow.Audit;

namespace Visitation.Deployment.Tests.Broker;

/// <summary>
/// Which message types a service consumes and publishes, read from its compiled code rather than
/// written down, so that the broker permissions checked against it cannot drift from what the service does:
/// <list type="bullet">
/// <item>consumed: the <c>IConsumer&lt;T&gt;</c> of its concrete consumers (what <c>AddConsumers</c> registers);</item>
/// <item>published: every <c>ServiceDbContext.Publish&lt;T&gt;</c> its own code calls (the outbox: every event a
/// service publishes goes through it), those of a shared library's type it uses (the send-backs of
/// Visitation.Workflow), and <see cref="AuditRowsRecorded"/> when it registers the audit relay, which
/// publishes straight on the bus.</item>
/// </list>
/// </summary>
internal sealed record ServiceMessages(string Service, IReadOnlySet<Type> Consumed, IReadOnlySet<Type> Published)
{
    private static readonly Assembly Shared = typeof(AuditRelayExtensions).Assembly;

    public static IReadOnlyList<ServiceMessages> All { get; } =
    [
        Of(ApplicationModule.Name, typeof(ApplicationModule).Assembly),
        Of(BureauReviewModule.Name, typeof(BureauReviewModule).Assembly),
        Of(PrisonApprovalModule.Name, typeof(PrisonApprovalModule).Assembly),
        Of(SchedulingModule.Name, typeof(SchedulingModule).Assembly),
        Of(NotificationModule.Name, typeof(NotificationModule).Assembly),
        Of(IdentityModule.Name, typeof(IdentityModule).Assembly),
        Of(AuditStoreModule.Name, typeof(AuditStoreModule).Assembly),
    ];

    /// <summary>Every message type a service could send over the broker: the contracts' events and timers.</summary>
    public static IReadOnlyList<Type> Contracts { get; } = typeof(ApplicationSubmitted).Assembly.GetExportedTypes()
        .Where(type => type.Namespace is { } name && !name.StartsWith("Visitation.Contracts.Grpc", StringComparison.Ordinal) && !type.IsNested)
        .ToList();

    private static ServiceMessages Of(string service, Assembly assembly)
    {
        var consumed = assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false })
            .SelectMany(type => type.GetInterfaces())
            .Where(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(contract => contract.GetGenericArguments()[0])
            .ToHashSet();

        using var metadata = Metadata.Of(assembly);
        var published = metadata.PublishCalls().Select(call => call.Event).ToHashSet();
        var usedTypes = metadata.ReferencedTypeNames();
        using (var shared = Metadata.Of(Shared))
        {
            published.UnionWith(shared.PublishingTypes().Where(entry => usedTypes.Contains(entry.Type.FullName!)).Select(entry => entry.Event));
        }

        if (metadata.ReferencedMembers().Contains((typeof(AuditRelayExtensions).FullName!, nameof(AuditRelayExtensions.AddAuditRelay))))
        {
            published.Add(typeof(AuditRowsRecorded));
        }

        return new ServiceMessages(service, consumed, published);
    }

    /// <summary>An assembly's metadata tables beside its loaded form, to find what its IL calls and names.</summary>
    private sealed class Metadata(Assembly assembly, PEReader pe) : IDisposable
    {
        private readonly MetadataReader _reader = pe.GetMetadataReader();

        public static Metadata Of(Assembly assembly) => new(assembly, new PEReader(File.OpenRead(assembly.Location)));

        /// <summary>Each instantiation of <c>ServiceDbContext.Publish&lt;T&gt;</c> in the assembly, with its metadata token.</summary>
        public IEnumerable<(int Token, Type Event)> PublishCalls()
        {
            for (var row = 1; row <= _reader.GetTableRowCount(TableIndex.MethodSpec); row++)
            {
                var handle = MetadataTokens.MethodSpecificationHandle(row);
                if (NameOf(_reader.GetMethodSpecification(handle).Method) != nameof(ServiceDbContext.Publish))
                {
                    continue;
                }

                var token = MetadataTokens.GetToken(handle);
                MethodBase method;
                try
                {
                    method = assembly.ManifestModule.ResolveMethod(token)!;
                }
                catch (ArgumentException ex)
                {
                    throw new InvalidOperationException(
                        $"{assembly.GetName().Name} calls Publish with a type parameter (a generic helper): which event it publishes cannot be read from the code. Call ServiceDbContext.Publish with the event's own type.", ex);
                }

                if (method.DeclaringType == typeof(ServiceDbContext))
                {
                    yield return (token, method.GetGenericArguments()[0]);
                }
            }
        }

        /// <summary>Each top-level type of the assembly whose code (its nested and compiler-made types included) calls Publish, with the event.</summary>
        public IEnumerable<(Type Type, Type Event)> PublishingTypes()
        {
            var calls = PublishCalls().ToList();
            foreach (var type in assembly.GetTypes())
            {
                var outer = type;
                while (outer.DeclaringType is { } declaring)
                {
                    outer = declaring;
                }

                const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
                var bodies = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all))
                    .Select(method => method.GetMethodBody()?.GetILAsByteArray()).OfType<byte[]>().ToList();
                foreach (var (_, @event) in calls.Where(call => bodies.Any(il => Calls(il, call.Token))))
                {
                    yield return (outer, @event);
                }
            }
        }

        /// <summary>"namespace.name" of every type the assembly refers to in another assembly.</summary>
        public HashSet<string> ReferencedTypeNames() =>
            _reader.TypeReferences.Select(handle => _reader.GetTypeReference(handle))
                .Select(reference => $"{_reader.GetString(reference.Namespace)}.{_reader.GetString(reference.Name)}")
                .ToHashSet();

        /// <summary>(type, member) of every member the assembly refers to in another assembly.</summary>
        public HashSet<(string Type, string Member)> ReferencedMembers() =>
            _reader.MemberReferences.Select(handle => _reader.GetMemberReference(handle))
                .Where(member => member.Parent.Kind == HandleKind.TypeReference)
                .Select(member => (TypeName((TypeReferenceHandle)member.Parent), _reader.GetString(member.Name)))
                .ToHashSet();

        public void Dispose() => pe.Dispose();

        private string TypeName(TypeReferenceHandle handle)
        {
            var reference = _reader.GetTypeReference(handle);
            return $"{_reader.GetString(reference.Namespace)}.{_reader.GetString(reference.Name)}";
        }

        private string NameOf(EntityHandle method) => method.Kind switch
        {
            HandleKind.MemberReference => _reader.GetString(_reader.GetMemberReference((MemberReferenceHandle)method).Name),
            HandleKind.MethodDefinition => _reader.GetString(_reader.GetMethodDefinition((MethodDefinitionHandle)method).Name),
            _ => string.Empty,
        };

        /// <summary>Whether the IL has a call or callvirt of the method token (opcode, then the token little-endian).</summary>
        private static bool Calls(byte[] il, int token)
        {
            for (var i = 0; i + 5 <= il.Length; i++)
            {
                if (il[i] is 0x28 or 0x6F && BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(i + 1)) == token)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
