"""Evidence files (Nachweise) that back the answers of a DigiCheck."""
