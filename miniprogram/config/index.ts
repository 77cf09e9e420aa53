/**
 * The one place for deployment settings of the client.
 *
 * CLOUD_ENV_ID is a placeholder: replace it with your CloudBase environment id
 * (云开发控制台 -> 设置 -> 环境 ID, e.g. `cloud1-8g1abcde12345678`) before previewing on a phone.
 * The AppID lives in project.config.json (`appid`, placeholder `touristappid`).
 */
export const CLOUD_ENV_ID = 'your-cloudbase-env-id';
