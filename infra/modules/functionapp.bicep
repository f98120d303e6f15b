// The Function App: an Elastic Premium (Linux) plan running the handler image. Premium because the cuts need
// FFmpeg baked into a container, function runs longer than Consumption's 10 minutes, always-warm instances,
// and the blob trigger's container scan (Flex Consumption would require the Event Grid source instead).
// Every storage setting is by identity: no keys or connection strings anywhere.

param name string
param location string
param image string
param maxInstances int
param identityId string
param identityClientId string
param storageAccountName string
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string
param applicationInsightsConnectionString string
param clipPreset string
param retentionDays int
param siteUrl string
param smtpHost string
param smtpPort int
param smtpSecurity string
param mailFrom string
param smtpUser string
param smtpPasswordSecretUri string

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  sku: { name: 'EP1', tier: 'ElasticPremium' }
  kind: 'elastic'
  properties: {
    reserved: true
    maximumElasticWorkerCount: maxInstances
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  kind: 'functionapp,linux,container'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references (the SMTP password) are resolved with the app's user-assigned identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOCKER|${image}'
      acrUseManagedIdentityCreds: true
      acrUserManagedIdentityID: identityClientId
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'dotnet-isolated' }
        { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'false' }
        // The host's own storage (triggers, receipts, keys), by identity.
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        // The pipeline's connection (triggers, outputs and the app's own clients), by the same identity.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'PipelineStorage__blobServiceUri', value: blobEndpoint }
        { name: 'PipelineStorage__queueServiceUri', value: queueEndpoint }
        { name: 'PipelineStorage__tableServiceUri', value: tableEndpoint }
        { name: 'PipelineStorage__credential', value: 'managedidentity' }
        { name: 'PipelineStorage__clientId', value: identityClientId }
        { name: 'BasicTrust__Pipeline__RecordingLinkLifetime', value: '00:45:00' }
        { name: 'BasicTrust__Pipeline__ReadLinkLifetime', value: '00:15:00' }
        { name: 'BasicTrust__Pipeline__UploadLinkLifetime', value: '00:30:00' }
        { name: 'BasicTrust__Pipeline__RequestDeadline', value: '00:00:15' }
        { name: 'BasicTrust__Pipeline__StuckAfter', value: '00:03:00' }
        { name: 'BasicTrust__Pipeline__Preset', value: clipPreset }
        { name: 'BasicTrust__Pipeline__PreviewSegmentLength', value: '00:00:10' }
        { name: 'BasicTrust__Privacy__RetentionDays', value: string(retentionDays) }
        // The infrastructure creates the containers and the table; the app's identity need not.
        { name: 'BasicTrust__Pipeline__CreateContainers', value: 'false' }
        { name: 'BasicTrust__Media__MaxDuration', value: '04:00:00' }
        { name: 'BasicTrust__Media__MaxLongSide', value: '3840' }
        { name: 'BasicTrust__Media__MaxShortSide', value: '2160' }
        { name: 'BasicTrust__Media__MinFrameRate', value: '1' }
        { name: 'BasicTrust__Media__MaxFrameRate', value: '240' }
        { name: 'BasicTrust__Media__ProbeTimeout', value: '00:01:00' }
        { name: 'BasicTrust__Media__RunTimeout', value: '00:30:00' }
        // Mail through the SMTP relay (docs/deploy.md, "Mail"); the password is a Key Vault reference the identity resolves.
        { name: 'BasicTrust__Mail__Host', value: smtpHost }
        { name: 'BasicTrust__Mail__Port', value: string(smtpPort) }
        { name: 'BasicTrust__Mail__Security', value: smtpSecurity }
        { name: 'BasicTrust__Mail__From', value: mailFrom }
        { name: 'BasicTrust__Mail__User', value: smtpUser }
        { name: 'BasicTrust__Mail__Password', value: '@Microsoft.KeyVault(SecretUri=${smtpPasswordSecretUri})' }
        { name: 'BasicTrust__Mail__SiteUrl', value: siteUrl }
        { name: 'BasicTrust__Mail__RetryDelay', value: '00:00:30' }
        { name: 'BasicTrust__Mail__MaxRetryDelay', value: '00:15:00' }
        { name: 'BasicTrust__Mail__GiveUpAfter', value: '3.00:00:00' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
      ]
    }
  }
}

output name string = site.name
output hostName string = site.properties.defaultHostName
