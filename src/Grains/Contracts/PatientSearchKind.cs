namespace PtHub.Grains.Contracts;

[GenerateSerializer, Alias("PtHub.PatientSearchKind")]
public enum PatientSearchKind
{
    Name,
    BirthDate,
    Phone,
}
