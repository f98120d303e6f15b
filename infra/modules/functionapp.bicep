// The Function App, by default on Flex Consumption: it scales to zero, so a practice pays only while recordings are
// cut (docs/deploy.md, "Which plan"). No custom containers there: the deployment package carries FFmpeg
// (scripts/package.sh), and the blob triggers use the Event Grid source. ElasticPremium keeps the image of
// infra/Dockerfile on an always-warm instance. Every storage setting is by identity: no keys or connection strings anywhere.

@allowed(['FlexConsumption', 'ElasticPremium'])
param plan string
param name string
param location string
@description('ElasticPremium: the handler image.')
param image string
param maxInstances int
@description('FlexConsumption: memory per instance (FFmpeg takes 185 to 470 MB per clip).')
param instanceMemoryMB int
@description('FlexConsumption: the blob container the deployment package is uploaded to.')
param packageContainerUrl string
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

var flex = plan == 'FlexConsumption'

var settings = [
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

// What the container's host needs told; Flex Consumption takes the runtime from functionAppConfig and refuses these.
var containerSettings = [
  { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
  { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'dotnet-isolated' }
  { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'false' }
]

// Flex Consumption: the package the app runs (read by identity), how far it scales, and the worker's runtime.
var flexConfig = {
  deployment: {
    storage: {
      type: 'blobContainer'
      value: packageContainerUrl
      authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identityId }
    }
  }
  scaleAndConcurrency: { maximumInstanceCount: maxInstances, instanceMemoryMB: instanceMemoryMB }
  runtime: { name: 'dotnet-isolated', version: '10.0' }
}

resource hostingPlan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  sku: flex ? { name: 'FC1', tier: 'FlexConsumption' } : { name: 'EP1', tier: 'ElasticPremium' }
  kind: flex ? 'functionapp' : 'elastic'
  properties: flex ? { reserved: true } : { reserved: true, maximumElasticWorkerCount: maxInstances }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  kind: flex ? 'functionapp,linux' : 'functionapp,linux,container'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: hostingPlan.id
    functionAppConfig: flex ? flexConfig : null
    httpsOnly: true
    // Key Vault references (the SMTP password) are resolved with the app's user-assigned identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: flex ? null : 'DOCKER|${image}'
      acrUseManagedIdentityCreds: !flex
      acrUserManagedIdentityID: flex ? null : identityClientId
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: flex ? settings : concat(containerSettings, settings)
    }
  }
}

output name string = site.name
output hostName string = site.properties.defaultHostName
