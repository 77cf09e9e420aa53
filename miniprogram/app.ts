import { CLOUD_ENV_ID } from './config/index';
import { initCloud } from './services/cloud';

App({
  onLaunch() {
    initCloud(CLOUD_ENV_ID);
  },
});
