// Lets the identity read one Key Vault secret (the SMTP relay's password, a Key Vault reference in the app settings):
// Key Vault Secrets User, scoped to that secret alone. The vault uses Azure RBAC (not access policies).

param principalId string
@description('The secret\'s URI, https://<vault>.vault.azure.net/secrets/<name>[/<version>].')
param secretUri string

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var vaultName = split(split(secretUri, '/')[2], '.')[0]
var secretName = split(secretUri, '/')[4]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: vaultName
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' existing = {
  parent: vault
  name: secretName
}

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: secret
  name: guid(secret.id, principalId, keyVaultSecretsUser)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}
